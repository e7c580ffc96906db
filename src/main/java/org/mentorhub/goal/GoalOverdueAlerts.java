package org.mentorhub.goal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
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
 * Publishes {@link GoalAtRisk} ({@link GoalAtRisk.Reason#OVERDUE}) for goals whose target date has
 * passed in their owner's time zone and that are not completed. The job runs once per cluster
 * (ShedLock) every {@code mentorhub.goal.overdue-interval} (1 hour by default), and an event is never
 * published twice for a goal and target date even if two runs overlap: each first inserts its row in
 * {@code goal_overdue_alerts} (unique per goal and target date) in a transaction of its own and
 * publishes the event in that same transaction, so only the run whose insert commits publishes it. A
 * goal whose target date is moved can be reported again. Goals overdue by more than
 * {@link #WINDOW_DAYS} days when the job first sees them are left alone.
 */
@Component
class GoalOverdueAlerts {

	/** Goals are reported only up to this many days after their target date. */
	static final int WINDOW_DAYS = 30;

	private static final Logger log = LoggerFactory.getLogger(GoalOverdueAlerts.class);

	private final JdbcClient jdbc;

	private final People people;

	private final GoalAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate claim;

	GoalOverdueAlerts(JdbcClient jdbc, People people, GoalAccess access, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.people = people;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.claim = new TransactionTemplate(transactions);
		this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.goal.overdue-interval:PT1H}",
			initialDelayString = "${mentorhub.goal.overdue-initial-delay:PT3M}")
	@SchedulerLock(name = "goal-overdue-alerts", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void run() {
		int published = publishOverdue();
		if (published > 0) {
			log.info("Published {} overdue goal alerts", published);
		}
	}

	private record Candidate(long id, long studentId, String title, LocalDate targetDate) {
	}

	/** Publishes the alerts that are due now; returns how many this call published. */
	int publishOverdue() {
		Instant now = this.clock.instant();
		// Every zone's today is within a day of today in UTC: the owner's own zone decides below.
		LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT g.id, g.student_id, g.title, g.target_date FROM goals g
				WHERE g.target_date >= :oldest AND g.target_date <= :latest AND g.status <> 'COMPLETED'
				  AND NOT EXISTS (SELECT 1 FROM goal_overdue_alerts a WHERE a.goal_id = g.id AND a.target_date = g.target_date)
				ORDER BY g.target_date, g.id
				LIMIT 500""")
			.param("oldest", utcToday.minusDays(WINDOW_DAYS + 1L))
			.param("latest", utcToday)
			.query((rs, i) -> new Candidate(rs.getLong("id"), rs.getLong("student_id"), rs.getString("title"),
					rs.getObject("target_date", LocalDate.class)))
			.list();
		if (candidates.isEmpty()) {
			return 0;
		}
		List<Long> students = candidates.stream().map(Candidate::studentId).distinct().toList();
		Map<Long, Person> owners = this.people.summaries(students);
		Map<Long, List<Long>> mentors = this.access.activeMentors(students);
		int published = 0;
		for (Candidate goal : candidates) {
			Person owner = owners.get(goal.studentId());
			ZoneId zone = owner == null ? ZoneOffset.UTC : owner.zone();
			LocalDate today = LocalDate.ofInstant(now, zone);
			if (goal.targetDate().isBefore(today) && !goal.targetDate().isBefore(today.minusDays(WINDOW_DAYS))
					&& claimAndPublish(goal, mentors.getOrDefault(goal.studentId(), List.of()), now)) {
				published++;
			}
		}
		return published;
	}

	/** Inserts the alert's row and publishes the event in one transaction of its own; false when another run has it. */
	private boolean claimAndPublish(Candidate goal, List<Long> mentors, Instant now) {
		try {
			return Boolean.TRUE.equals(this.claim.execute(status -> {
				int inserted = this.jdbc.sql("""
						INSERT INTO goal_overdue_alerts (goal_id, target_date, sent_at) VALUES (:goal, :target, :at)""")
					.param("goal", goal.id())
					.param("target", goal.targetDate())
					.param("at", Goals.utc(now))
					.update();
				if (inserted != 1) {
					return false;
				}
				this.events.publishEvent(new GoalAtRisk(goal.id(), goal.studentId(), mentors, goal.title(),
						goal.targetDate(), GoalAtRisk.Reason.OVERDUE, null, now));
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			// Another run (or instance) inserted it first: that run published the event.
			return false;
		}
		catch (DataAccessException ex) {
			// Waiting for the other run's lock failed: nothing was inserted, so a later run retries.
			log.debug("Could not claim the overdue alert of goal {}: {}", goal.id(), ex.getClass().getSimpleName());
			return false;
		}
	}

}
