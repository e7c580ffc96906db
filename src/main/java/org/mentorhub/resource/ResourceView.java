package org.mentorhub.resource;

import java.time.Instant;
import java.util.List;

/**
 * A resource as the library and its page show it.
 * @param url the link, or null for an uploaded file
 * @param attachmentId the uploaded file, or null for a link
 * @param fileType the file's detected media type, or null
 * @param commentCount the comments that are not removed
 */
public record ResourceView(long id, String title, String description, ResourceType type, String category,
		List<String> tags, Long uploaderId, String uploaderName, String url, Long attachmentId, String fileType,
		boolean published, Instant publishedAt, Instant createdAt, long commentCount) {

	/** Whether the file can be shown in the page: a PDF in a frame, audio or video in a player. */
	public String inlineKind() {
		if (this.fileType == null) {
			return null;
		}
		if (this.fileType.equals("application/pdf")) {
			return "pdf";
		}
		return this.fileType.startsWith("audio/") ? "audio" : this.fileType.startsWith("video/") ? "video" : null;
	}

}
