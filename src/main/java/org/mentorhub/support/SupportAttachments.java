package org.mentorhub.support;

import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.AttachmentParent;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.springframework.stereotype.Component;

/**
 * The files of support issues (related type ISSUE: screenshots), by {@link SupportAccess}'s rules: whoever
 * sees an issue (its reporter, its staff) sees its files and adds some while it is not closed; staff delete
 * anyone's. Issues are no student record, so reading their files is not audited.
 */
@Component
class SupportAttachments implements AttachmentParent {

	private final SupportDesk desk;

	SupportAttachments(SupportDesk desk) {
		this.desk = desk;
	}

	@Override
	public Set<RelatedType> types() {
		return Set.of(RelatedType.ISSUE);
	}

	@Override
	public Optional<Access> access(RelatedType type, long relatedId) {
		return this.desk.visible(relatedId)
			.map(issue -> new Access(issue.institutionId(), issue.status() != IssueStatus.CLOSED, issue.staff(), false,
					"/support/" + issue.id(), issue.title()));
	}

}
