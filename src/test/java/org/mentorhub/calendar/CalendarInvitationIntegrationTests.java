package org.mentorhub.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.calendar.CalendarFixtures.Mail;
import org.mentorhub.calendar.CalendarFixtures.Planted;
import org.mentorhub.identity.RoleName;
import org.mentorhub.session.ScheduledSession;
import org.mentorhub.session.SessionCancelled;
import org.mentorhub.session.SessionConfirmed;
import org.mentorhub.session.SessionRequested;
import org.mentorhub.session.SessionRescheduleProposed;
import org.mentorhub.session.SessionRescheduled;
import org.mentorhub.session.SessionSchedules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Invitations: each confirmation or change of a session mails both participants an iCalendar
 * REQUEST with the session's stable UID and a growing SEQUENCE, a cancellation mails a CANCEL with a
 * higher SEQUENCE, and participants (only) can download the current one. Every .ics is parsed back
 * with ical4j, and none holds the planted description, agenda, notes, items or feedback.
 */
@MentorHubIntegrationTest
class CalendarInvitationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	SessionSchedules schedules;

	/** The planted session as the session module's events carry it. */
	ScheduledSession now(long sessionId) {
		return this.schedules.find(sessionId).orElseThrow();
	}

	/** Publishes the event in a transaction, as the session module does; listeners run after the commit. */
	void publish(Object event) {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(event));
	}

	/** Waits for one new mail to each participant and returns them (mentor's, mentee's). */
	List<Mail> awaitMails(Planted session, long after) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> CalendarFixtures.mailsTo(this.jdbc, session.mentor().email(), after).size() == 1
					&& CalendarFixtures.mailsTo(this.jdbc, session.mentee().email(), after).size() == 1);
		return List.of(CalendarFixtures.mailsTo(this.jdbc, session.mentor().email(), after).get(0),
				CalendarFixtures.mailsTo(this.jdbc, session.mentee().email(), after).get(0));
	}

	static void assertNoSecret(Planted session, String... texts) {
		for (String text : texts) {
			assertThat(text).doesNotContain(session.secret());
		}
	}

	@Test
	void confirmationChangesAndCancellationMailInvitationsWithAStableUidAndGrowingSequence() {
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", start, "Career talk");

		long before = CalendarFixtures.lastMailId(this.jdbc);
		publish(new SessionConfirmed(now(session.id()), null, Instant.now()));
		List<Mail> confirmed = awaitMails(session, before);
		for (Mail mail : confirmed) {
			assertThat(mail.subject()).isEqualTo("Invitation: Career talk");
			assertThat(mail.attachmentName()).isEqualTo("invite.ics");
			assertThat(mail.attachmentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
			assertThat(mail.text()).contains("Career talk").contains("45 minutes").contains("https://meet.example.org/room-1");
			assertThat(mail.html()).contains("Career talk");
			assertNoSecret(session, mail.text(), mail.html(), mail.attachment(), mail.subject());
		}
		Calendar first = CalendarFixtures.parse(confirmed.get(1).attachment());
		assertThat(Ics.value(first, "METHOD")).isEqualTo("REQUEST");
		assertThat(Ics.value(first, "VERSION")).isEqualTo("2.0");
		VEvent event = Ics.onlyEvent(first);
		assertThat(Ics.value(event, "UID")).isEqualTo(session.uid());
		assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("0");
		assertThat(Ics.value(event, "SUMMARY")).isEqualTo("Career talk");
		assertThat(Ics.value(event, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(Ics.value(event, "DTSTART")).isEqualTo(ical(start));
		assertThat(Ics.value(event, "DTEND")).isEqualTo(ical(start.plus(45, ChronoUnit.MINUTES)));
		assertThat(Ics.value(event, "DTSTAMP")).isNotBlank();
		assertThat(Ics.value(event, "URL")).isEqualTo("https://meet.example.org/room-1");
		assertThat(Ics.value(event, "LOCATION")).isEqualTo("https://meet.example.org/room-1");
		assertThat(Ics.value(event, "ORGANIZER")).isEqualToIgnoringCase("mailto:" + session.mentor().email());
		assertThat(Ics.values(event, "ATTENDEE")).map(String::toLowerCase)
			.containsExactlyInAnyOrder("mailto:" + session.mentor().email(), "mailto:" + session.mentee().email());
		assertThat(Ics.value(event, "DESCRIPTION")).isNull();

		// The session moves to a new time (the session module raises the sequence): an updated REQUEST.
		Instant moved = start.plus(1, ChronoUnit.DAYS);
		this.jdbc.sql("UPDATE mentoring_sessions SET scheduled_at = :at, ical_sequence = 1 WHERE id = :id")
			.param("at", CalendarFixtures.utc(moved)).param("id", session.id()).update();
		before = CalendarFixtures.lastMailId(this.jdbc);
		publish(new SessionRescheduled(now(session.id()), start, null, Instant.now()));
		List<Mail> rescheduled = awaitMails(session, before);
		assertThat(rescheduled).allSatisfy(mail -> assertThat(mail.subject()).isEqualTo("Updated invitation: Career talk"));
		VEvent second = Ics.onlyEvent(CalendarFixtures.parse(rescheduled.get(0).attachment()));
		assertThat(Ics.value(CalendarFixtures.parse(rescheduled.get(0).attachment()), "METHOD")).isEqualTo("REQUEST");
		assertThat(Ics.value(second, "UID")).isEqualTo(session.uid());
		assertThat(Ics.value(second, "SEQUENCE")).isEqualTo("1");
		assertThat(Ics.value(second, "DTSTART")).isEqualTo(ical(moved));

		// A change arrives, but the session module forgot to raise the sequence: the calendar still raises it.
		this.jdbc.sql("UPDATE mentoring_sessions SET title = 'Career talk (room B)' WHERE id = :id")
			.param("id", session.id()).update();
		before = CalendarFixtures.lastMailId(this.jdbc);
		publish(new SessionRescheduled(now(session.id()), moved, null, Instant.now()));
		VEvent third = Ics.onlyEvent(CalendarFixtures.parse(awaitMails(session, before).get(1).attachment()));
		assertThat(Ics.value(third, "UID")).isEqualTo(session.uid());
		assertThat(Ics.value(third, "SEQUENCE")).isEqualTo("2");
		assertThat(Ics.value(third, "SUMMARY")).isEqualTo("Career talk (room B)");

		// Cancelled: a CANCEL with the same UID and a higher sequence.
		this.jdbc.sql("UPDATE mentoring_sessions SET status = 'CANCELLED' WHERE id = :id").param("id", session.id()).update();
		before = CalendarFixtures.lastMailId(this.jdbc);
		publish(new SessionCancelled(now(session.id()), null, Instant.now()));
		List<Mail> cancelled = awaitMails(session, before);
		for (Mail mail : cancelled) {
			assertThat(mail.subject()).isEqualTo("Cancelled: Career talk (room B)");
			assertThat(mail.attachmentType()).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
			assertNoSecret(session, mail.text(), mail.html(), mail.attachment());
		}
		Calendar cancel = CalendarFixtures.parse(cancelled.get(0).attachment());
		assertThat(Ics.value(cancel, "METHOD")).isEqualTo("CANCEL");
		VEvent gone = Ics.onlyEvent(cancel);
		assertThat(Ics.value(gone, "UID")).isEqualTo(session.uid());
		assertThat(Ics.value(gone, "STATUS")).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(Ics.value(gone, "SEQUENCE"))).isGreaterThan(2);
	}

	@Test
	void transitionsThatChangeNoCalendarSendNothing() throws Exception {
		Planted session = CalendarFixtures.session(this.jdbc, "REQUESTED", Instant.now().plus(2, ChronoUnit.DAYS),
				"Quiet request");
		long before = CalendarFixtures.lastMailId(this.jdbc);
		publish(new SessionRequested(now(session.id()), null, Instant.now()));
		publish(new SessionRescheduleProposed(now(session.id()), Instant.now().plus(3, ChronoUnit.DAYS), null,
				Instant.now()));
		// An event that would mail (a confirmation), published last: once its mails are there, the others were handled.
		this.jdbc.sql("UPDATE mentoring_sessions SET status = 'CANCELLED' WHERE id = :id").param("id", session.id()).update();
		publish(new SessionCancelled(now(session.id()), null, Instant.now()));
		publish(new SessionConfirmed(now(session.id()), null, Instant.now()));
		Thread.sleep(1500);
		assertThat(CalendarFixtures.mailsTo(this.jdbc, session.mentee().email(), before)).isEmpty();
		assertThat(CalendarFixtures.mailsTo(this.jdbc, session.mentor().email(), before)).isEmpty();
	}

	@Test
	void participantsDownloadTheInvitationAndNobodyElseSeesIt() throws Exception {
		Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", start, "Download me");
		for (String path : List.of("/sessions/{id}/invite.ics", "/api/v1/sessions/{id}/invite.ics")) {
			for (TestAccounts.Account participant : List.of(session.mentor(), session.mentee())) {
				MvcResult result = this.mvc
					.perform(get(path, session.id()).with(user(this.users.loadUserByUsername(participant.email()))))
					.andExpect(status().isOk())
					.andReturn();
				assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
				assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment")
					.contains("session-" + session.id() + ".ics");
				String text = result.getResponse().getContentAsString();
				assertNoSecret(session, text);
				Calendar calendar = CalendarFixtures.parse(text);
				assertThat(Ics.value(calendar, "METHOD")).isEqualTo("REQUEST");
				assertThat(Ics.value(Ics.onlyEvent(calendar), "UID")).isEqualTo(session.uid());
				assertThat(Ics.value(Ics.onlyEvent(calendar), "DTSTART")).isEqualTo(ical(start));
			}
			// Not a participant: a coordinator of the same department, an administrator, another mentor.
			for (RoleName role : List.of(RoleName.COORDINATOR, RoleName.ADMIN, RoleName.MENTOR)) {
				TestAccounts.Account stranger = TestAccounts.anAccount(role)
					.in(session.mentee().institutionId(), session.mentee().departmentId())
					.create(this.jdbc);
				MvcResult refused = this.mvc
					.perform(get(path, session.id()).with(user(this.users.loadUserByUsername(stranger.email()))))
					.andExpect(status().isNotFound())
					.andReturn();
				assertThat(refused.getResponse().getContentAsString()).doesNotContain("Download me");
			}
			this.mvc.perform(get(path, 999_999_999L).with(user(this.users.loadUserByUsername(session.mentee().email()))))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/api/v1/sessions/{id}/invite.ics", session.id())).andExpect(status().isUnauthorized());
	}

	@Test
	void aCancelledSessionDownloadsAsCancelAndAnUnconfirmedOneHasNoInvitation() throws Exception {
		Planted cancelled = CalendarFixtures.session(this.jdbc, "CANCELLED", Instant.now().plus(1, ChronoUnit.DAYS),
				"Called off");
		this.jdbc.sql("UPDATE mentoring_sessions SET ical_sequence = 3 WHERE id = :id").param("id", cancelled.id()).update();
		String text = this.mvc
			.perform(get("/api/v1/sessions/{id}/invite.ics", cancelled.id())
				.with(user(this.users.loadUserByUsername(cancelled.mentee().email()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Calendar calendar = CalendarFixtures.parse(text);
		assertThat(Ics.value(calendar, "METHOD")).isEqualTo("CANCEL");
		assertThat(Ics.value(Ics.onlyEvent(calendar), "STATUS")).isEqualTo("CANCELLED");
		assertThat(Ics.value(Ics.onlyEvent(calendar), "SEQUENCE")).isEqualTo("3");

		Planted requested = CalendarFixtures.session(this.jdbc, "REQUESTED", Instant.now().plus(1, ChronoUnit.DAYS),
				"Not yet");
		this.mvc
			.perform(get("/api/v1/sessions/{id}/invite.ics", requested.id())
				.with(user(this.users.loadUserByUsername(requested.mentee().email()))))
			.andExpect(status().isConflict());
	}

	@Test
	void theInvitationShowsInTheOutbox() throws Exception {
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", Instant.now().plus(4, ChronoUnit.DAYS),
				"Outbox check");
		long before = CalendarFixtures.lastMailId(this.jdbc);
		publish(new SessionConfirmed(now(session.id()), null, Instant.now()));
		Mail mail = awaitMails(session, before).get(1);
		String page = this.mvc
			.perform(get("/platform/outbox/{id}", mail.id())
				.with(user(this.users.loadUserByUsername("platform@mentorhub.demo"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("invite.ics").contains("BEGIN:VCALENDAR").contains("METHOD:REQUEST")
			.contains(session.uid());
	}

	static String ical(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(java.time.ZoneOffset.UTC)
			.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

}
