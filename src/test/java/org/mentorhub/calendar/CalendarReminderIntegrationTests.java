package org.mentorhub.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MutableClock;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.calendar.CalendarFixtures.Mail;
import org.mentorhub.calendar.CalendarFixtures.Planted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders: mailed to both participants 24 hours before a confirmed session, once, even when the job
 * runs twice or in two instances at the same moment; none for a cancelled session; a new one after a
 * reschedule. The reminder job also runs on its own schedule in the background, so the tests count
 * what was sent, not who sent it.
 */
@TimeTravelTest
class CalendarReminderIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionReminders reminders;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	int reminderRows(Planted session) {
		return this.jdbc.sql("SELECT COUNT(*) FROM session_reminders WHERE session_id = :id")
			.param("id", session.id())
			.query(Integer.class)
			.single();
	}

	List<Mail> reminderMails(Planted session, long after) {
		return java.util.stream.Stream.of(session.mentor().email(), session.mentee().email())
			.flatMap(to -> CalendarFixtures.mailsTo(this.jdbc, to, after).stream())
			.filter(mail -> mail.subject().startsWith("Reminder: "))
			.toList();
	}

	@Test
	void aConfirmedSessionIsRemindedOnceADayBefore() {
		Instant start = Instant.now().plus(30, ChronoUnit.HOURS);
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", start, "Remind me");
		long before = CalendarFixtures.lastMailId(this.jdbc);

		this.reminders.sendDue();
		assertThat(reminderRows(session)).isZero();

		this.clock.advance(Duration.ofHours(7));
		this.reminders.sendDue();
		this.reminders.sendDue();
		assertThat(reminderRows(session)).isEqualTo(1);
		List<Mail> mails = reminderMails(session, before);
		assertThat(mails).hasSize(2);
		assertThat(mails).extracting(Mail::recipient)
			.containsExactlyInAnyOrder(session.mentor().email(), session.mentee().email());
		for (Mail mail : mails) {
			assertThat(mail.subject()).isEqualTo("Reminder: Remind me");
			assertThat(mail.text()).contains("Remind me").contains("https://meet.example.org/room-1")
				.doesNotContain(session.secret());
			assertThat(mail.html()).doesNotContain(session.secret());
		}

		this.clock.advance(Duration.ofHours(1));
		this.reminders.sendDue();
		assertThat(reminderMails(session, before)).hasSize(2);
	}

	@Test
	void eachReminderPublishesOneEventWithTheParticipantsAndTheTime() {
		Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", start, "Told reminder");
		try (CapturedEvents<SessionReminderSent> events = CapturedEvents.of(this.context, SessionReminderSent.class)) {
			this.reminders.sendDue();
			this.reminders.sendDue();
			assertThat(events.matching(e -> e.sessionId() == session.id())).singleElement().satisfies(e -> {
				assertThat(e.mentorId()).isEqualTo(session.mentor().id());
				assertThat(e.menteeId()).isEqualTo(session.mentee().id());
				assertThat(e.title()).isEqualTo("Told reminder");
				assertThat(e.start()).isEqualTo(start);
				assertThat(e.zone()).isEqualTo("Europe/Berlin");
				assertThat(e.occurredAt()).isNotNull();
				assertThat(e.toString()).doesNotContain(session.secret());
			});
		}
	}

	@Test
	void twoInstancesAtOnceSendOneReminder() throws Exception {
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", Instant.now().plus(2, ChronoUnit.HOURS),
				"Raced reminder");
		long before = CalendarFixtures.lastMailId(this.jdbc);
		int instances = 4;
		CyclicBarrier start = new CyclicBarrier(instances);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try (CapturedEvents<SessionReminderSent> events = CapturedEvents.of(this.context, SessionReminderSent.class)) {
			List<CompletableFuture<Integer>> runs = java.util.stream.IntStream.range(0, instances)
				.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await(10, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return this.reminders.sendDue();
				}, pool))
				.toList();
			for (CompletableFuture<Integer> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
			assertThat(events.matching(e -> e.sessionId() == session.id())).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reminderRows(session)).isEqualTo(1);
		assertThat(reminderMails(session, before)).hasSize(2);
	}

	@Test
	void cancelledAndUnconfirmedSessionsAreNotReminded() {
		Planted cancelled = CalendarFixtures.session(this.jdbc, "CANCELLED", Instant.now().plus(3, ChronoUnit.HOURS),
				"Cancelled reminder");
		Planted requested = CalendarFixtures.session(this.jdbc, "REQUESTED", Instant.now().plus(3, ChronoUnit.HOURS),
				"Requested reminder");
		Planted past = CalendarFixtures.session(this.jdbc, "CONFIRMED", Instant.now().minus(1, ChronoUnit.HOURS),
				"Past reminder");
		long before = CalendarFixtures.lastMailId(this.jdbc);
		this.reminders.sendDue();
		for (Planted session : List.of(cancelled, requested, past)) {
			assertThat(reminderRows(session)).isZero();
			assertThat(reminderMails(session, before)).isEmpty();
		}
	}

	@Test
	void aRescheduledSessionGetsANewReminder() {
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", Instant.now().plus(5, ChronoUnit.HOURS),
				"Moved reminder");
		long before = CalendarFixtures.lastMailId(this.jdbc);
		this.reminders.sendDue();
		assertThat(reminderRows(session)).isEqualTo(1);

		this.jdbc.sql("UPDATE mentoring_sessions SET scheduled_at = :at, ical_sequence = ical_sequence + 1 WHERE id = :id")
			.param("at", CalendarFixtures.utc(Instant.now().plus(10, ChronoUnit.HOURS)))
			.param("id", session.id())
			.update();
		this.reminders.sendDue();
		this.reminders.sendDue();
		assertThat(reminderRows(session)).isEqualTo(2);
		assertThat(reminderMails(session, before)).hasSize(4);
	}

}
