package org.mentorhub.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.notification.DeliveredNotifications.Row;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.calendar.SessionReminderSent;
import org.mentorhub.identity.AccountSecurityNotice;
import org.mentorhub.identity.SecurityNoticeKind;
import org.mentorhub.mentorship.AssignmentDraftCommitted;
import org.mentorhub.profile.OnboardingReminderSent;
import org.mentorhub.session.ActionItemAssigned;
import org.mentorhub.session.ActionItemDue;
import org.mentorhub.session.SessionFeedbackRevealed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Each event that the notification module maps, published as its module publishes it (in a
 * transaction, delivered after the commit): who is told, with which type, link and channel, and that
 * every title and body is fully rendered. A security notice that identity mails itself is not mailed
 * twice.
 */
@MentorHubIntegrationTest
class NotificationMappingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	DeliveredNotifications delivered;

	@BeforeEach
	void delivered() {
		this.delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
	}

	void publish(Object event) {
		this.delivered.publish(event);
	}

	List<Row> of(Account account, int expected) {
		return this.delivered.of(account, expected);
	}

	int mails(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to")
			.param("to", account.email())
			.query(Integer.class)
			.single();
	}

	@Test
	void securityNoticesAreAlwaysMailedOnceAndOnboardingRemindersStayInTheApp() {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account ana = college.aStudent().inDepartment("CS").create(this.jdbc);
		Account ben = college.aMentor().inDepartment("CS").create(this.jdbc);
		Instant now = Instant.now();

		publish(new AccountSecurityNotice(ana.id(), SecurityNoticeKind.ACCESS_TOKEN_CREATED, now));
		Row token = of(ana, 1).get(0);
		assertThat(token.type()).isEqualTo("ACCOUNT_SECURITY");
		assertThat(token.title()).isEqualTo("A personal access token was created");
		assertThat(token.linkUrl()).isEqualTo("/account/tokens");
		assertThat(token.delivery()).isEqualTo("EMAIL");
		assertThat(mails(ana)).isEqualTo(1);

		// Identity mails a password change itself: the notice is in the app, with no second mail.
		publish(new AccountSecurityNotice(ben.id(), SecurityNoticeKind.PASSWORD_CHANGED, now));
		assertThat(of(ben, 1).get(0).title()).isEqualTo("Your password was changed");
		assertThat(mails(ben)).isZero();

		publish(new OnboardingReminderSent(ana.id(), ben.id(), now));
		Row reminder = of(ana, 2).get(1);
		assertThat(reminder.type()).isEqualTo("ONBOARDING_REMINDER");
		assertThat(reminder.linkUrl()).isEqualTo("/onboarding");
		assertThat(reminder.delivery()).isEqualTo("IN_APP");
		assertThat(mails(ana)).isEqualTo(1);
	}

	@Test
	void actionItemsFeedbackRemindersAndBulkAssignmentsReachTheirPeople() {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").create(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Instant now = Instant.now();

		publish(new ActionItemAssigned(41, 31, 21, mentee.id(), mentor.id(), "Read chapter 3", LocalDate.of(2030, 5, 21),
				now));
		Row assigned = of(mentee, 1).get(0);
		assertThat(assigned.type()).isEqualTo("ACTION_ITEM_ASSIGNED");
		assertThat(assigned.title()).isEqualTo("New action item: Read chapter 3");
		assertThat(assigned.body()).endsWith("assigned you \"Read chapter 3\", due Tue 21 May 2030.");
		assertThat(assigned.linkUrl()).isEqualTo("/sessions/31/action-items");
		// Setting oneself an item tells nobody.
		publish(new ActionItemAssigned(42, 31, 21, mentor.id(), mentor.id(), "Prepare", null, now));

		publish(new ActionItemDue(41, 31, mentee.id(), "Read chapter 3", LocalDate.of(2030, 5, 21), true, now));
		Row overdue = of(mentee, 2).get(1);
		assertThat(overdue.type()).isEqualTo("ACTION_ITEM_OVERDUE");
		assertThat(overdue.body()).isEqualTo("\"Read chapter 3\" was due on Tue 21 May 2030.");

		publish(new SessionFeedbackRevealed(31, 21, mentee.id(), mentor.id(), now));
		Row feedback = of(mentee, 3).get(2);
		assertThat(feedback.type()).isEqualTo("SESSION_FEEDBACK_REVEALED");
		assertThat(feedback.linkUrl()).isEqualTo("/sessions/31/feedback");

		publish(new SessionReminderSent(31, mentor.id(), mentee.id(), "Career plan", now.plus(Duration.ofDays(1)), "UTC",
				now));
		assertThat(of(mentee, 4).get(3).type()).isEqualTo("SESSION_REMINDER");
		assertThat(of(mentor, 1).get(0).body()).startsWith("Reminder: \"Career plan\" with ");

		publish(new AssignmentDraftCommitted(7, college.id(), null, coordinator.id(), 12, now));
		Row committed = of(coordinator, 1).get(0);
		assertThat(committed.title()).isEqualTo("12 mentorships assigned");
		assertThat(committed.linkUrl()).isEqualTo("/mentorships/bulk/7");
	}

}
