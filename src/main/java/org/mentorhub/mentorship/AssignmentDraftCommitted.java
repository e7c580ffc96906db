package org.mentorhub.mentorship;

import java.time.Instant;

/**
 * Published when an administrator or coordinator committed a bulk assignment draft, in the transaction
 * that created its mentorships. Each pair also published its own {@link MentorshipProposed} and
 * {@link MentorshipActivated} in the same transaction.
 * @param draftId the draft (its page is /mentorships/bulk/{draftId})
 * @param institutionId the institution it belongs to
 * @param departmentId its department, or null for a cohort across the institution
 * @param committedBy who committed it
 * @param pairs how many mentorships it created
 * @param occurredAt when
 */
public record AssignmentDraftCommitted(long draftId, long institutionId, Long departmentId, long committedBy, int pairs,
		Instant occurredAt) {
}
