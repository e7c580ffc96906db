package org.mentorhub.resource;

import java.time.Instant;

/**
 * A comment on a resource; a removed one is a tombstone with no text and no author name.
 * @param content null when removed by a moderator
 * @param mayEdit whether the reader wrote it (and so may edit or delete it)
 * @param mayRemove whether the reader moderates the institution's comments
 */
public record CommentView(long id, long resourceId, Long authorId, String authorName, String content,
		boolean removed, boolean edited, Instant createdAt, boolean mayEdit, boolean mayRemove) {
}
