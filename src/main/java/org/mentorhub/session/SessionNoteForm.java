package org.mentorhub.session;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The note forms: the {@code content}, the "private" tick (only the author sees a private note) and
 * the {@code version} the page showed (to edit or delete).
 */
record SessionNoteForm(String content, @BindParam("private") String privateTick, Long version) {

	boolean isPrivate() {
		return "true".equals(this.privateTick) || "on".equals(this.privateTick);
	}

	/** The content as typed, to show again. */
	String text() {
		return this.content == null ? "" : this.content;
	}

}
