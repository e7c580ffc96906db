package org.mentorhub.attachment;

import java.util.List;

import org.mentorhub.attachment.Attachments.RelatedType;

/**
 * The files of one record with what the reader may do: what the attachments section of a page shows.
 * @param typeCode the related type as it appears in URLs ({@code goal}, {@code goal-update})
 * @param mayAdd whether the reader may upload files to the record
 * @param managesFiles whether the reader may delete files others uploaded
 * @param pagePath the record's own page
 */
public record AttachmentSection(RelatedType type, String typeCode, long relatedId, String title, boolean mayAdd,
		boolean managesFiles, String pagePath, List<AttachmentView> files) {
}
