package org.mentorhub.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.alert.RelationshipHealthRules.Assessment;
import org.mentorhub.alert.RelationshipHealthRules.Expectation;
import org.mentorhub.identity.People;
import org.mentorhub.mentorship.ActiveMentorships;
import org.mentorhub.mentorship.ActiveMentorships.ActivePair;
import org.mentorhub.session.SessionCadence;
import org.mentorhub.session.SessionCadence.Cadence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the relationship health of every ACTIVE mentorship and escalates the stalled ones. Runs once
 * per cluster (ShedLock {@code alert-relationship-health}) every {@code mentorhub.alert.health.interval}
 * (one hour). Each batch of {@link #BATCH} pairs costs a fixed number of statements whatever its size (the
 * pairs, the institutions' expectations, the three cadence queries of {@link SessionCadence}, the rows
 * already stored with their open history intervals, one batched update and one batched insert, and, where a
 * pair's health or department changed, one batched close and one batched open of its interval in
 * {@code relationship_health_history}, in the same transaction). Then, for each stalled pair:
 * <ol>
 * <li>it is nudged once ({@link MentorshipNudged}: the notification module tells both, with a link to
 * schedule a session), claimed by setting {@code nudged_at} where it is still null;</li>
 * <li>if it is still stalled when its institution's delay has passed, an ENGAGEMENT alert about the mentee
 * is raised once for the department's coordinator ({@link Alerts#raiseOrUpdate}), claimed by setting
 * {@code escalated_at} where it is still null.</li>
 * </ol>
 * Each claim runs in a transaction of its own with its event or alert, so two runs or two instances at
 * once nudge and alert once. A pair that is no longer stalled clears its marks, so a later stall starts again.
 */
@Component
class RelationshipHealthJob {

	/** The most pairs one batch computes, and the most nudges or alerts one run makes. */
	static final int BATCH = 500;

	/** The source of a health alert, per mentorship. */
	static String sourceRef(long mentorshipId) {
		return "health:mentorship-" + mentorshipId;
	}

	private static final Logger log = LoggerFactory.getLogger(RelationshipHealthJob.class);

	private static final String UPDATE = """
			UPDATE relationship_health SET institution_id = ?, department_id = ?, mentor_id = ?, mentee_id = ?, health = ?,
			  reasons = ?, computed_at = ?,
			  stalled_since = CASE WHEN ? = 1 THEN COALESCE(stalled_since, ?) ELSE NULL END,
			  nudged_at = CASE WHEN ? = 1 THEN nudged_at ELSE NULL END,
			  escalate_at = CASE WHEN ? = 1 THEN escalate_at ELSE NULL END,
			  escalated_at = CASE WHEN ? = 1 THEN escalated_at ELSE NULL END
			WHERE mentorship_id = ?""";

	private static final String INSERT = """
			INSERT INTO relationship_health (institution_id, department_id, mentor_id, mentee_id, health, reasons, computed_at,
			  stalled_since, mentorship_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String CLOSE = """
			UPDATE relationship_health_history SET valid_to = ? WHERE mentorship_id = ? AND valid_to IS NULL""";

	private static final String OPEN = """
			INSERT INTO relationship_health_history (mentorship_id, institution_id, department_id, mentee_id, health, valid_from)
			VALUES (?, ?, ?, ?, ?, ?)""";

	/** The health a mentorship has held since its open interval began, in which department. */
	private record Held(String health, Long departmentId) {
	}

	/** What one run did. */
	record Summary(int computed, int nudged, int escalated) {
	}

	private record Stalled(long mentorshipId, long institutionId, Long departmentId, long mentorId, long menteeId,
			String reasons, Instant nudgedAt) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final ActiveMentorships mentorships;

	private final SessionCadence cadence;

	private final RelationshipHealthSettings settings;

	private final RelationshipHealthProperties properties;

	private final Alerts alerts;

	private final AlertAccess access;

	private final People people;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	private final TransactionTemplate separate;

	RelationshipHealthJob(JdbcClient jdbc, JdbcTemplate batches, ActiveMentorships mentorships, SessionCadence cadence,
			RelationshipHealthSettings settings, RelationshipHealthProperties properties, Alerts alerts,
			AlertAccess access, People people, ApplicationEventPublisher events, java.time.Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.mentorships = mentorships;
		this.cadence = cadence;
		this.settings = settings;
		this.properties = properties;
		this.alerts = alerts;
		this.access = access;
		this.people = people;
		this.events = events;
		this.clock = clock;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.alert.health.interval:PT1H}",
			initialDelayString = "${mentorhub.alert.health.initial-delay:PT5M}")
	@SchedulerLock(name = "alert-relationship-health", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10S")
	void run() {
		Summary summary = runOnce();
		log.info("Relationship health: {} mentorships computed, {} pairs nudged, {} escalated", summary.computed(),
				summary.nudged(), summary.escalated());
	}

	/** Computes every active pair's health, then nudges and escalates the stalled ones. */
	Summary runOnce() {
		Instant now = this.clock.instant();
		int computed = 0;
		long after = 0;
		while (true) {
			List<ActivePair> batch = this.mentorships.after(after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			computeBatch(batch, now);
			computed += batch.size();
			after = batch.get(batch.size() - 1).id();
			if (batch.size() < BATCH) {
				break;
			}
		}
		retried(() -> removeInactive(now));
		return new Summary(computed, nudge(now), escalate(now));
	}

	/** Computes and stores the health of one batch of pairs, with a fixed number of statements; retried on a race. */
	void computeBatch(List<ActivePair> batch, Instant now) {
		retried(() -> store(batch, now));
	}

	/**
	 * Runs the work in its own transaction, again up to four times when it loses a race: another instance stored
	 * the same new rows first (a duplicate key), held them, or chose this transaction as a deadlock's victim;
	 * after a short random pause, so that the racers do not meet again at once.
	 */
	private void retried(Runnable work) {
		for (int attempt = 1;; attempt++) {
			try {
				this.separate.executeWithoutResult(status -> work.run());
				return;
			}
			catch (DataAccessException ex) {
				if (attempt == 5) {
					throw ex;
				}
				try {
					Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 50L * attempt));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
				log.debug("Relationship health work retried: {}", ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * A mentorship that is no longer active has no health (paused, ended): its row goes and its open history
	 * interval ends now. The rows are found first and deleted by key: one {@code DELETE ... NOT IN (...)}
	 * scanned and locked the whole table on MariaDB and deadlocked with another instance's inserts.
	 */
	private void removeInactive(Instant now) {
		List<Long> inactive = this.jdbc.sql("""
				SELECT h.mentorship_id FROM relationship_health h
				WHERE h.mentorship_id NOT IN (SELECT p.id FROM mentorship_pairs p WHERE p.status = 'ACTIVE')""")
			.query(Long.class)
			.list();
		for (int from = 0; from < inactive.size(); from += BATCH) {
			List<Long> ids = inactive.subList(from, Math.min(from + BATCH, inactive.size()));
			// The health rows first, then their history, in the order of a batch's writes (no lock cycle).
			this.jdbc.sql("DELETE FROM relationship_health WHERE mentorship_id IN (:ids)").param("ids", ids).update();
			this.jdbc.sql("UPDATE relationship_health_history SET valid_to = :now WHERE mentorship_id IN (:ids) AND valid_to IS NULL")
				.param("now", RelationshipHealthSettings.utc(now))
				.param("ids", ids)
				.update();
		}
	}

	private void store(List<ActivePair> batch, Instant now) {
		List<Long> ids = batch.stream().map(ActivePair::id).toList();
		Map<Long, Expectation> expectations = this.settings
			.of(batch.stream().map(ActivePair::institutionId).distinct().toList());
		Map<Long, Cadence> cadences = this.cadence.of(ids, now.minus(this.properties.window()), now,
				now.minus(Duration.ofDays(this.properties.unansweredDays())));
		Set<Long> stored = new HashSet<>();
		Map<Long, Held> held = new HashMap<>();
		// One statement: the rows stored (0) and the open history intervals (1) of the batch.
		this.jdbc.sql("""
				SELECT mentorship_id, 0 AS from_history, health, department_id FROM relationship_health WHERE mentorship_id IN (:ids)
				UNION ALL
				SELECT mentorship_id, 1 AS from_history, health, department_id FROM relationship_health_history
				WHERE mentorship_id IN (:ids) AND valid_to IS NULL""")
			.param("ids", ids)
			.query((RowCallbackHandler) rs -> {
				if (rs.getInt("from_history") == 0) {
					stored.add(rs.getLong("mentorship_id"));
				}
				else {
					held.put(rs.getLong("mentorship_id"),
							new Held(rs.getString("health"), rs.getObject("department_id", Long.class)));
				}
			});
		LocalDateTime at = RelationshipHealthSettings.utc(now);
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> closes = new ArrayList<>();
		List<Object[]> opens = new ArrayList<>();
		for (ActivePair pair : batch) {
			Assessment health = RelationshipHealthRules.assess(pair, cadences.get(pair.id()),
					expectations.get(pair.institutionId()), this.properties.windowDays(), this.properties.unansweredDays(),
					now);
			String reasons = health.text().length() > 2000 ? health.text().substring(0, 2000) : health.text();
			int stalled = health.status() == RelationshipHealthStatus.STALLED ? 1 : 0;
			Object[] common = { pair.institutionId(), pair.departmentId(), pair.mentorId(), pair.menteeId(),
					health.status().name(), reasons, at };
			Held before = held.get(pair.id());
			if (before == null || !before.health().equals(health.status().name())
					|| !Objects.equals(before.departmentId(), pair.departmentId())) {
				// Closed even when none was open as this transaction read it: a run that stored this pair since
				// (its write of the health row came first, so this one waited for it) may have opened one.
				closes.add(new Object[] { at, pair.id() });
				opens.add(new Object[] { pair.id(), pair.institutionId(), pair.departmentId(), pair.menteeId(),
						health.status().name(), at });
			}
			if (stored.contains(pair.id())) {
				Object[] row = Arrays.copyOf(common, 13);
				row[7] = stalled;
				row[8] = at;
				row[9] = stalled;
				row[10] = stalled;
				row[11] = stalled;
				row[12] = pair.id();
				updates.add(row);
			}
			else {
				Object[] row = Arrays.copyOf(common, 9);
				row[7] = stalled == 1 ? at : null;
				row[8] = pair.id();
				inserts.add(row);
			}
		}
		if (!updates.isEmpty()) {
			this.batches.batchUpdate(UPDATE, updates);
		}
		if (!inserts.isEmpty()) {
			this.batches.batchUpdate(INSERT, inserts);
		}
		if (!closes.isEmpty()) {
			this.batches.batchUpdate(CLOSE, closes);
		}
		if (!opens.isEmpty()) {
			this.batches.batchUpdate(OPEN, opens);
		}
	}

	private List<Stalled> stalled(String condition, Instant now) {
		return this.jdbc.sql("""
				SELECT mentorship_id, institution_id, department_id, mentor_id, mentee_id, reasons, nudged_at
				FROM relationship_health WHERE health = 'STALLED' AND """ + " " + condition
				+ " ORDER BY mentorship_id LIMIT " + BATCH)
			.param("now", RelationshipHealthSettings.utc(now))
			.query((rs, i) -> {
				LocalDateTime nudged = rs.getObject("nudged_at", LocalDateTime.class);
				return new Stalled(rs.getLong("mentorship_id"), rs.getLong("institution_id"),
						rs.getObject("department_id", Long.class), rs.getLong("mentor_id"), rs.getLong("mentee_id"),
						rs.getString("reasons"), nudged == null ? null : Alerts.utc(nudged));
			})
			.list();
	}

	private int nudge(Instant now) {
		List<Stalled> pairs = stalled("nudged_at IS NULL", now);
		if (pairs.isEmpty()) {
			return 0;
		}
		Map<Long, Expectation> expectations = this.settings
			.of(pairs.stream().map(Stalled::institutionId).distinct().toList());
		int nudged = 0;
		for (Stalled pair : pairs) {
			Instant escalateAt = now.plus(Duration.ofDays(expectations.get(pair.institutionId()).escalateAfterDays()));
			if (claim(() -> {
				int claimed = this.jdbc.sql("""
						UPDATE relationship_health SET nudged_at = :now, escalate_at = :escalate
						WHERE mentorship_id = :id AND health = 'STALLED' AND nudged_at IS NULL""")
					.param("now", RelationshipHealthSettings.utc(now))
					.param("escalate", RelationshipHealthSettings.utc(escalateAt))
					.param("id", pair.mentorshipId())
					.update();
				if (claimed == 1) {
					this.events.publishEvent(new MentorshipNudged(pair.mentorshipId(), pair.mentorId(), pair.menteeId(),
							List.of(pair.reasons().split("\n")), escalateAt, now));
				}
				return claimed == 1;
			}, pair)) {
				nudged++;
			}
		}
		return nudged;
	}

	private int escalate(Instant now) {
		List<Stalled> pairs = stalled("escalated_at IS NULL AND escalate_at <= :now", now);
		int escalated = 0;
		for (Stalled pair : pairs) {
			if (claim(() -> {
				int claimed = this.jdbc.sql("""
						UPDATE relationship_health SET escalated_at = :now
						WHERE mentorship_id = :id AND health = 'STALLED' AND escalated_at IS NULL AND escalate_at <= :now""")
					.param("now", RelationshipHealthSettings.utc(now))
					.param("id", pair.mentorshipId())
					.update();
				if (claimed != 1) {
					return false;
				}
				long alert = this.alerts.raiseOrUpdate(signal(pair), coordinatorOf(pair));
				this.jdbc.sql("UPDATE relationship_health SET alert_id = :alert WHERE mentorship_id = :id")
					.param("alert", alert)
					.param("id", pair.mentorshipId())
					.update();
				return true;
			}, pair)) {
				escalated++;
			}
		}
		return escalated;
	}

	private AlertSignal signal(Stalled pair) {
		Map<Long, String> names = this.people.names(List.of(pair.mentorId(), pair.menteeId()));
		String message = "The mentorship of " + names.getOrDefault(pair.menteeId(), "the mentee") + " with "
				+ names.getOrDefault(pair.mentorId(), "the mentor") + " has stalled: "
				+ pair.reasons().replace("\n", " ") + " Both were nudged on " + pair.nudgedAt().toString().substring(0, 10)
				+ " and nothing changed since. Talk to them, or re-match or end the mentorship at /mentorships/"
				+ pair.mentorshipId() + ".";
		return new AlertSignal(pair.menteeId(), AlertSeverity.WARN, AlertCategory.ENGAGEMENT, message,
				sourceRef(pair.mentorshipId()), null);
	}

	/** The first coordinator of the pair's department, else the first administrator of the institution. */
	private Long coordinatorOf(Stalled pair) {
		List<Long> coordinators = pair.departmentId() == null ? List.of()
				: this.access.escalationRecipients(pair.institutionId(), pair.departmentId(), false);
		if (!coordinators.isEmpty()) {
			return coordinators.get(0);
		}
		List<Long> administrators = this.access.escalationRecipients(pair.institutionId(), null, true);
		return administrators.isEmpty() ? null : administrators.get(0);
	}

	private boolean claim(java.util.function.Supplier<Boolean> step, Stalled pair) {
		try {
			return Boolean.TRUE.equals(this.separate.execute(status -> step.get()));
		}
		catch (DataAccessException ex) {
			// Waiting for another run's lock failed: nothing was claimed, so a later run retries.
			log.debug("Relationship health step of mentorship {} not taken: {}", pair.mentorshipId(),
					ex.getClass().getSimpleName());
			return false;
		}
	}

}
