package org.mentorhub.attachment;

import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.Attachments.RelatedType;

/**
 * The service provider interface of the generic attachment endpoints: the module that owns a kind of
 * record (a goal, a session, a mentorship) implements it as a bean and so decides, with its own
 * rules, who may see and add that record's files. {@link AttachmentFiles} asks it on every list,
 * upload, download and deletion instead of repeating those rules; a type no bean serves has no files
 * (404). The owning module depends on this interface, never the other way round.
 */
public interface AttachmentParent {

	/** The related types this bean answers for (one bean may serve several, such as goals and their updates). */
	Set<RelatedType> types();

	/**
	 * What the signed-in person may do with the files of one record, or empty when the record does not
	 * exist or they may not see it (the endpoints then answer 404, as if it did not exist).
	 */
	Optional<Access> access(RelatedType type, long relatedId);

	/**
	 * One person's rights over a record's files.
	 * @param institutionId the record's institution (stored on each file)
	 * @param mayAdd whether they may upload files to it now
	 * @param managesFiles whether they may delete files others uploaded (coordinators and administrators in
	 * scope); everybody who may see the files may delete their own
	 * @param auditedRead whether their reading of the files is a disclosure of a student's record to staff,
	 * audited as {@code ATTACHMENT_READ} (as goal's {@code GOAL_READ})
	 * @param pagePath the record's page, where the page forms go back to, such as {@code /goals/12}
	 * @param title how the record is named on the files page, such as the goal's title
	 * @param subjectId the student whose education record the files belong to: an audited read names them as
	 * its subject, so that it shows in their record of disclosures (FERPA, docs/privacy.md); null when the
	 * record is no student's
	 */
	record Access(long institutionId, boolean mayAdd, boolean managesFiles, boolean auditedRead, String pagePath,
			String title, Long subjectId) {

		/** Rights over the files of a record that is no student's education record. */
		public Access(long institutionId, boolean mayAdd, boolean managesFiles, boolean auditedRead, String pagePath,
				String title) {
			this(institutionId, mayAdd, managesFiles, auditedRead, pagePath, title, null);
		}

	}

}
