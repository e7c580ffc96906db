package org.mentorhub.resource;

/** A comment's text, a report's reason, or a share's mentee and note. */
record CommentForm(String content, String reason, Long menteeId, String note) {
}
