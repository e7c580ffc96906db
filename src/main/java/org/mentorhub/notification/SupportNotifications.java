package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.support.IssueAssigned;
import org.mentorhub.support.IssueEscalated;
import org.mentorhub.support.IssueMessagePosted;
import org.mentorhub.support.IssueReported;
import org.mentorhub.support.IssueStatusChanged;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Support issues as notifications for the other side of every change; the support module names the
 * recipients in each event (administrators, the assignee, the reporter, the platform administrators).
 * A message's text is never copied, so an internal note cannot leak into a notification or an e-mail;
 * an internal note's event names staff only and becomes its own type.
 */
@Component
class SupportNotifications {

	private final Inbox inbox;

	private final People people;

	SupportNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(IssueReported event) {
		Object by = event.reporterId() == null ? "MentorHub"
				: MentorshipNotifications.name(this.people.names(List.of(event.reporterId())), event.reporterId());
		this.inbox.deliver(Inbox.toEach(event.recipientIds(), NotificationType.SUPPORT_ISSUE_REPORTED, link(event.issueId()),
				payload(event.issueId()), by, event.title(),
				new DefaultMessageSourceResolvable("enum.IssueCategory." + event.category().name())));
	}

	@ApplicationModuleListener
	void on(IssueAssigned event) {
		this.inbox.deliver(List.of(Notice.of(event.assigneeId(), NotificationType.SUPPORT_ISSUE_ASSIGNED,
				link(event.issueId()), payload(event.issueId()), name(event.assignedById()), event.title())));
	}

	@ApplicationModuleListener
	void on(IssueStatusChanged event) {
		this.inbox.deliver(Inbox.toEach(event.recipientIds(), NotificationType.SUPPORT_ISSUE_STATUS_CHANGED,
				link(event.issueId()), payload(event.issueId()), name(event.actorId()), event.title(),
				new DefaultMessageSourceResolvable("enum.IssueStatus." + event.to().name())));
	}

	@ApplicationModuleListener
	void on(IssueMessagePosted event) {
		NotificationType type = event.internal() ? NotificationType.SUPPORT_ISSUE_NOTE : NotificationType.SUPPORT_ISSUE_MESSAGE;
		this.inbox.deliver(Inbox.toEach(event.recipientIds(), type, link(event.issueId()), payload(event.issueId()),
				name(event.authorId()), event.title()));
	}

	@ApplicationModuleListener
	void on(IssueEscalated event) {
		this.inbox.deliver(Inbox.toEach(event.recipientIds(), NotificationType.SUPPORT_ISSUE_ESCALATED,
				link(event.issueId()), payload(event.issueId()), name(event.escalatedById()), event.title()));
	}

	private Object name(long personId) {
		Map<Long, String> names = this.people.names(new ArrayList<>(List.of(personId)));
		return MentorshipNotifications.name(names, personId);
	}

	private static String link(long issueId) {
		return "/support/" + issueId;
	}

	private static Map<String, Object> payload(long issueId) {
		return Inbox.ids("issueId", issueId);
	}

}
