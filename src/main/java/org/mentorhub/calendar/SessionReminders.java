package org.mentorhub.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails both participants a reminder {@code mentorhub.calendar.reminder-before} (24 hours by default)
 * before each confirmed session. The job runs once per cluster (ShedLock, QUALITY R5), and a
 * reminder is never sent twice even if two runs overlap: each one first inserts its row in
 * {@code session_reminders} (unique per session, kind and start time) in a transaction of its own,
 * and only the run whose insert commits sends the mail. The same transaction publishes
 * {@link SessionReminderSent}, so that each reminder is told about once too. A rescheduled session has a new start time,
 * so it gets a new reminder; a cancelled one gets none.
 */
@Component
class SessionReminders {

	static final String KIND = "BEFORE";

	/** The most reminders one run sends; the next run takes the rest. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

	private final CalendarSessions sessions;

	private final JdbcClient jdbc;

	private final Mailer mailer;

	private final CalendarProperties properties;

	private final Clock clock;

	private final TransactionTemplate claim;

	private final ApplicationEventPublisher events;

	SessionReminders(CalendarSessions sessions, JdbcClient jdbc, Mailer mailer, CalendarProperties properties,
			Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
		this.claim = new TransactionTemplate(transactions);
		this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.calendar.reminder-interval:PT5M}",
			initialDelayString = "${mentorhub.calendar.reminder-initial-delay:PT1M}")
	@SchedulerLock(name = "calendar-session-reminders", lockAtMostFor = "PT4M", lockAtLeastFor = "PT10S")
	void run() {
		int sent = sendDue();
		if (sent > 0) {
			log.info("Sent {} session reminders", sent);
		}
	}

	/** Sends the reminders that are due now; returns how many sessions were reminded by this call. */
	int sendDue() {
		Instant now = this.clock.instant();
		List<CalendarSession> due = this.sessions.dueForReminder(now, now.plus(this.properties.reminderBefore()), KIND,
				BATCH);
		int sent = 0;
		for (CalendarSession session : due) {
			if (claim(session, now)) {
				for (CalendarSession.Person person : List.of(session.mentor(), session.mentee())) {
					Map<String, Object> model = MailTimes.model(session, person);
					String subject = "Reminder: " + session.title();
					this.mailer.send(person.email(), subject.length() > 300 ? subject.substring(0, 300) : subject,
							"calendar-reminder", model);
				}
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Inserts the reminder's row and publishes {@link SessionReminderSent} in one transaction, and
	 * commits both; false when another run already has it.
	 */
	private boolean claim(CalendarSession session, Instant now) {
		try {
			return Boolean.TRUE.equals(this.claim.execute(status -> {
				int inserted = this.jdbc.sql("""
						INSERT INTO session_reminders (session_id, kind, scheduled_at, sent_at)
						VALUES (:session, :kind, :scheduled, :at)""")
					.param("session", session.id())
					.param("kind", KIND)
					.param("scheduled", CalendarSessions.utc(session.start()))
					.param("at", CalendarSessions.utc(now))
					.update();
				if (inserted != 1) {
					return false;
				}
				this.events.publishEvent(new SessionReminderSent(session.id(), session.mentor().id(),
						session.mentee().id(), session.title(), session.start(),
						session.timeZone() == null || session.timeZone().isBlank() ? "UTC" : session.timeZone(), now));
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			// Another run (or instance) inserted it first: that run sends the mail.
			return false;
		}
		catch (DataAccessException ex) {
			// Waiting for the other run's lock failed: nothing was inserted, so a later run retries.
			log.debug("Could not claim the reminder of session {}: {}", session.id(), ex.getClass().getSimpleName());
			return false;
		}
	}

}
