package org.mentorhub.session;

import java.time.Instant;

/**
 * A note as its reader sees it. A private note reaches only its author; {@code unreadable} is true
 * (and {@code content} null) when its stored ciphertext does not authenticate.
 *
 * @param updatedAt the last edit (equal to {@code createdAt} when never edited)
 * @param version the version to send back with an edit or delete (optimistic locking)
 */
public record SessionNoteView(long id, long sessionId, long authorId, String authorName, String content,
		boolean privateNote, boolean unreadable, Instant createdAt, Instant updatedAt, long version, boolean mine) {

	/** Whether the note was changed after it was written. */
	public boolean edited() {
		return this.updatedAt != null && this.createdAt != null && this.updatedAt.isAfter(this.createdAt);
	}

}
