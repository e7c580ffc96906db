package org.mentorhub.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates alerts left OPEN (never acknowledged) past their severity's response time
 * ({@link AlertProperties}): the coordinators of the student's department hear of it and, for a CRITICAL
 * one, the institution's administrators too ({@link AlertEscalated}). The job runs once per cluster
 * (ShedLock) every {@code mentorhub.alert.escalation-interval} (15 minutes by default), and an alert is
 * escalated at most once: each claims its alert by setting {@code escalated_at} where it is still null,
 * in a transaction of its own that also writes the history entry and publishes the event, so only the
 * run whose claim commits publishes. Reopening a case clears the mark, so a reopened case that is left
 * alone is escalated again.
 */
@Component
class AlertEscalations {

	/** The most alerts one run escalates; the next run takes the rest. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(AlertEscalations.class);

	private final JdbcClient jdbc;

	private final AlertAccess access;

	private final AlertProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate claim;

	AlertEscalations(JdbcClient jdbc, AlertAccess access, AlertProperties properties, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.access = access;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.claim = new TransactionTemplate(transactions);
		this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.alert.escalation-interval:PT15M}",
			initialDelayString = "${mentorhub.alert.escalation-initial-delay:PT4M}")
	@SchedulerLock(name = "alert-escalations", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void run() {
		int escalated = escalateOverdue();
		if (escalated > 0) {
			log.info("Escalated {} unacknowledged alerts", escalated);
		}
	}

	private record Candidate(long id, long institutionId, long studentId, Long departmentId, AlertSeverity severity,
			AlertCategory category, Long ownerId, Instant createdAt) {
	}

	/** Escalates the alerts that are overdue now; returns how many this call escalated. */
	int escalateOverdue() {
		Instant now = this.clock.instant();
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT a.id, a.institution_id, a.student_id, p.department_id, a.severity, a.category, a.owner_id, a.created_at
				FROM alerts a JOIN identity_people p ON p.id = a.student_id
				WHERE a.status = 'OPEN' AND a.escalated_at IS NULL
				  AND ((a.severity = 'CRITICAL' AND a.created_at <= :critical)
				    OR (a.severity = 'WARN' AND a.created_at <= :warn)
				    OR (a.severity = 'INFO' AND a.created_at <= :info))
				ORDER BY a.created_at, a.id
				LIMIT""" + " " + BATCH)
			.param("critical", cutoff(now, AlertSeverity.CRITICAL))
			.param("warn", cutoff(now, AlertSeverity.WARN))
			.param("info", cutoff(now, AlertSeverity.INFO))
			.query((rs, i) -> new Candidate(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("student_id"),
					rs.getObject("department_id", Long.class), AlertSeverity.valueOf(rs.getString("severity")),
					AlertCategory.valueOf(rs.getString("category")), rs.getObject("owner_id", Long.class),
					Alerts.utc(rs.getObject("created_at", LocalDateTime.class))))
			.list();
		int escalated = 0;
		for (Candidate alert : candidates) {
			if (claimAndPublish(alert, now)) {
				escalated++;
			}
		}
		return escalated;
	}

	/** A response time in words: 4 hours, 7 days, 90 minutes. */
	static String words(java.time.Duration duration) {
		if (duration.toMinutes() % (24 * 60) == 0) {
			long days = duration.toDays();
			return days + (days == 1 ? " day" : " days");
		}
		if (duration.toMinutes() % 60 == 0) {
			long hours = duration.toHours();
			return hours + (hours == 1 ? " hour" : " hours");
		}
		return duration.toMinutes() + " minutes";
	}

	private LocalDateTime cutoff(Instant now, AlertSeverity severity) {
		return Alerts.utc(now.minus(this.properties.responseTime(severity)));
	}

	private boolean claimAndPublish(Candidate alert, Instant now) {
		try {
			return Boolean.TRUE.equals(this.claim.execute(status -> {
				int claimed = this.jdbc.sql("""
						UPDATE alerts SET escalated_at = :now
						WHERE id = :id AND escalated_at IS NULL AND status = 'OPEN'""")
					.param("now", Alerts.utc(now))
					.param("id", alert.id())
					.update();
				if (claimed != 1) {
					return false;
				}
				boolean critical = alert.severity() == AlertSeverity.CRITICAL;
				List<Long> recipients = this.access.escalationRecipients(alert.institutionId(), alert.departmentId(),
						critical);
				this.jdbc.sql("""
						INSERT INTO alert_events (alert_id, actor_id, from_status, to_status, note, created_at)
						VALUES (:alert, NULL, 'OPEN', 'OPEN', :note, :at)""")
					.param("alert", alert.id())
					.param("note", "Escalated: not acknowledged within " + words(this.properties.responseTime(alert.severity()))
							+ (critical ? "; the coordinators and administrators were told."
									: "; the coordinators were told."))
					.param("at", Alerts.utc(now))
					.update();
				this.events.publishEvent(new AlertEscalated(alert.id(), alert.studentId(), alert.severity(),
						alert.category(), alert.ownerId(), recipients, alert.createdAt(), now));
				return true;
			}));
		}
		catch (DataAccessException ex) {
			// Waiting for another run's lock failed: nothing was claimed, so a later run retries.
			log.debug("Could not escalate alert {}: {}", alert.id(), ex.getClass().getSimpleName());
			return false;
		}
	}

}
