package org.mentorhub.platform;

/**
 * Somebody reported a piece of content as abusive (a direct message, a resource comment, a group post).
 * Any module that lets people report content publishes it; the support desk turns it into an issue of
 * category ABUSE that quotes only the reported item, so that the module owning the content and the desk
 * need not know each other. The event carries everything the desk needs: it never reads the reporting
 * module's tables.
 *
 * @param institutionId the institution whose administrators handle the report
 * @param reporterId who reported it
 * @param reportedUserId who wrote the reported content, or {@code null} when unknown
 * @param itemKind what was reported, such as {@code DIRECT_MESSAGE} or {@code RESOURCE_COMMENT}
 * @param itemId the id of the reported item in its module
 * @param quotedText the reported content, quoted as it stood when it was reported (plain text)
 * @param reason the reporter's words, possibly empty
 * @param link a path in MentorHub where staff can see the item in context, or {@code null}
 */
public record AbuseReported(long institutionId, long reporterId, Long reportedUserId, String itemKind,
		long itemId, String quotedText, String reason, String link) {
}
