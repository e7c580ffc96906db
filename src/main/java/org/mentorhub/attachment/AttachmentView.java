package org.mentorhub.attachment;

import java.time.Instant;
import java.util.Locale;

import org.mentorhub.attachment.Attachments.RelatedType;

/**
 * A file as the people who may see its record see it: never its storage key.
 * @param typeLabel its detected type as people name it ("PDF", "Word (DOCX)")
 * @param uploaderId who uploaded it (null once that account is deleted)
 * @param mayDelete whether the reader may delete it (their own file, or they manage the record's files)
 */
public record AttachmentView(long id, RelatedType relatedType, long relatedId, String fileName, String mimeType,
		String typeLabel, long sizeBytes, Long uploaderId, String uploaderName, Instant createdAt, boolean mayDelete) {

	/** The size as people read it: bytes, KB or MB. */
	public String sizeLabel() {
		if (this.sizeBytes < 1024) {
			return this.sizeBytes + " B";
		}
		if (this.sizeBytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", this.sizeBytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", this.sizeBytes / (1024.0 * 1024));
	}

	/** The download URL (pages and API share the rules; this is the page one). */
	public String downloadPath() {
		return "/attachments/" + this.id + "/content";
	}

}
