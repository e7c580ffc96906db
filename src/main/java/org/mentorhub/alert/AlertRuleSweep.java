package org.mentorhub.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the enabled alert rules: every night over every student of every institution that has one
 * ({@link #sweep}, once per cluster through ShedLock, {@code mentorhub.alert.rules-cron}, 02:15 UTC by
 * default), and for one student when an event says their data changed ({@link #evaluate}, from
 * {@link AlertRuleListeners}). Students go in batches of {@link #BATCH}; each batch costs a fixed number
 * of reads (the batch, one lookup per kind of data through the owning module's facade, the batch's open
 * rule alerts) whatever its size, and a write only where something changed: a student newly flagged (or
 * flagged for a new reason) is raised or updated through {@link Alerts#raiseOrUpdate}, never a second
 * open case for the same rule; a student whose data recovered gets one note on the open case, or the
 * case is resolved when the rule auto-resolves. Re-running it, or two instances running it at once,
 * changes nothing more.
 */
@Component
class AlertRuleSweep {

	/** The students one batch takes. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(AlertRuleSweep.class);

	private final JdbcClient jdbc;

	private final AlertRuleEvaluator evaluator;

	private final Alerts alerts;

	private final People people;

	private final Clock clock;

	AlertRuleSweep(JdbcClient jdbc, AlertRuleEvaluator evaluator, Alerts alerts, People people, Clock clock) {
		this.jdbc = jdbc;
		this.evaluator = evaluator;
		this.alerts = alerts;
		this.people = people;
		this.clock = clock;
	}

	@Scheduled(cron = "${mentorhub.alert.rules-cron:0 15 2 * * *}", zone = "UTC")
	@SchedulerLock(name = "alert-rules-sweep", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
	void run() {
		int changed = sweep();
		log.info("Alert rule sweep: {} alerts raised, updated, noted or resolved", changed);
	}

	private record Student(long id, String fullName) {
	}

	private record OpenAlert(long id, long studentId, String sourceRef, String message, AlertSeverity severity,
			boolean recovered) {
	}

	/** Runs every enabled rule over every student of its institution; returns how many alerts it changed. */
	int sweep() {
		Instant now = this.clock.instant();
		int changed = 0;
		List<Long> institutions = this.jdbc
			.sql("SELECT DISTINCT institution_id FROM alert_rules WHERE enabled = :yes ORDER BY institution_id")
			.param("yes", true)
			.query(Long.class)
			.list();
		for (long institution : institutions) {
			changed += sweep(institution, now);
		}
		return changed;
	}

	/** Runs the institution's enabled rules over its students, batch by batch; returns how many alerts it changed. */
	int sweep(long institution, Instant now) {
		List<AlertRuleView> rules = enabledRules(institution);
		if (rules.isEmpty()) {
			return 0;
		}
		int changed = 0;
		long after = 0;
		List<Student> batch;
		do {
			batch = students(institution, after, BATCH);
			if (!batch.isEmpty()) {
				changed += apply(rules, batch.stream().map(Student::id).toList(), now);
				after = batch.get(batch.size() - 1).id();
			}
		}
		while (batch.size() == BATCH);
		return changed;
	}

	/** Runs the enabled rules of the student's institution for this student alone (after an event). */
	int evaluate(long studentId) {
		Person student = this.people.find(studentId).orElse(null);
		if (student == null || student.institutionId() == null) {
			return 0;
		}
		List<AlertRuleView> rules = enabledRules(student.institutionId());
		return rules.isEmpty() ? 0 : apply(rules, List.of(studentId), this.clock.instant());
	}

	/** What the rule would flag now among the institution's students; writes nothing. */
	AlertRuleDryRun dryRun(long institution, AlertRuleView rule, int sampleSize) {
		Instant now = this.clock.instant();
		int checked = 0;
		int flagged = 0;
		List<AlertRuleDryRun.Flagged> sample = new ArrayList<>();
		long after = 0;
		List<Student> batch;
		do {
			batch = students(institution, after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			checked += batch.size();
			Map<Long, String> reasons = this.evaluator
				.flagged(List.of(rule), batch.stream().map(Student::id).toList(), now)
				.getOrDefault(rule.kind(), Map.of());
			flagged += reasons.size();
			for (Student student : batch) {
				if (sample.size() < sampleSize && reasons.containsKey(student.id())) {
					sample.add(new AlertRuleDryRun.Flagged(student.id(), student.fullName(), reasons.get(student.id())));
				}
			}
			after = batch.get(batch.size() - 1).id();
		}
		while (batch.size() == BATCH);
		return new AlertRuleDryRun(rule.kind(), checked, flagged, sample);
	}

	private int apply(List<AlertRuleView> rules, List<Long> students, Instant now) {
		Map<AlertRuleKind, Map<Long, String>> flagged = this.evaluator.flagged(rules, students, now);
		Map<String, OpenAlert> open = openRuleAlerts(students, rules);
		int changed = 0;
		for (AlertRuleView rule : rules) {
			Map<Long, String> reasons = flagged.getOrDefault(rule.kind(), Map.of());
			String source = rule.kind().sourceRef();
			for (long student : students) {
				OpenAlert existing = open.get(student + " " + source);
				String reason = reasons.get(student);
				if (reason != null) {
					if (existing == null || existing.recovered() || existing.severity() != rule.severity()
							|| !Objects.equals(existing.message(), reason)) {
						changed += raise(new AlertSignal(student, rule.severity(), rule.kind().category(), reason, source,
								rule.enabledById()));
					}
				}
				else if (existing != null && (!existing.recovered() || rule.autoResolve())) {
					changed += recovered(existing, rule);
				}
			}
		}
		return changed;
	}

	private int raise(AlertSignal signal) {
		try {
			this.alerts.raiseOrUpdate(signal);
			return 1;
		}
		catch (DataAccessException ex) {
			// Another run opened the same case at this moment: once that commits, this one only updates it.
			try {
				this.alerts.raiseOrUpdate(signal);
				return 1;
			}
			catch (RuntimeException again) {
				log.warn("Rule {} could not flag student {}: {}", signal.sourceRef(), signal.studentId(),
						again.getClass().getSimpleName());
				return 0;
			}
		}
	}

	private int recovered(OpenAlert alert, AlertRuleView rule) {
		String note = "The rule no longer flags the student (" + label(rule) + ")"
				+ (rule.autoResolve() ? "; resolved by the rule." : "; the case stays open until somebody closes it.");
		try {
			return this.alerts.ruleRecovered(alert.id(), note, rule.autoResolve()) ? 1 : 0;
		}
		catch (RuntimeException ex) {
			log.warn("Rule {} could not note the recovery on alert {}: {}", rule.kind(), alert.id(),
					ex.getClass().getSimpleName());
			return 0;
		}
	}

	/** The rule in words, for history notes. */
	static String label(AlertRuleView rule) {
		return switch (rule.kind()) {
			case GPA_BELOW -> "GPA below " + AlertRuleEvaluator.plain(rule.threshold());
			case ATTENDANCE_BELOW -> "attendance below " + AlertRuleEvaluator.plain(rule.threshold()) + "%";
			case RISK_HIGH -> "risk level HIGH";
			case NO_SHOWS -> rule.threshold().intValue() + " or more no-shows in " + rule.windowWeeks() + " weeks";
			case GOAL_AT_RISK -> "a goal at risk or past its target date";
			case NO_RECENT_SESSION -> "no completed session for more than " + rule.threshold().intValue() + " days";
			case ACTION_ITEMS_OVERDUE -> "action items overdue by more than " + rule.threshold().intValue() + " days";
		};
	}

	private List<AlertRuleView> enabledRules(long institution) {
		return this.jdbc.sql("""
				SELECT kind, threshold, window_weeks, severity, auto_resolve, enabled_by_id, enabled_at, updated_at, version
				FROM alert_rules WHERE institution_id = :inst AND enabled = :yes ORDER BY kind""")
			.param("inst", institution)
			.param("yes", true)
			.query((rs, i) -> new AlertRuleView(AlertRuleKind.valueOf(rs.getString("kind")), true,
					rs.getBigDecimal("threshold"), rs.getObject("window_weeks", Integer.class),
					AlertSeverity.valueOf(rs.getString("severity")), rs.getBoolean("auto_resolve"),
					rs.getObject("enabled_by_id", Long.class), null,
					Alerts.utc(rs.getObject("enabled_at", LocalDateTime.class)),
					Alerts.utc(rs.getObject("updated_at", LocalDateTime.class)), rs.getLong("version"), false))
			.list();
	}

	/** The next batch of the institution's active students (mentees and new mothers) after this id. */
	private List<Student> students(long institution, long after, int limit) {
		return this.jdbc.sql("""
				SELECT p.id, p.full_name FROM identity_people p
				WHERE p.institution_id = :inst AND p.status = 'ACTIVE' AND p.id > :after
				  AND EXISTS (SELECT 1 FROM identity_person_roles r WHERE r.user_id = p.id AND r.role IN ('MENTEE', 'NEW_MOTHER'))
				ORDER BY p.id
				LIMIT :limit""")
			.param("inst", institution)
			.param("after", after)
			.param("limit", limit)
			.query((rs, i) -> new Student(rs.getLong("id"), rs.getString("full_name")))
			.list();
	}

	/** The open alerts of these rules about these students, keyed by student and source; one query. */
	private Map<String, OpenAlert> openRuleAlerts(List<Long> students, List<AlertRuleView> rules) {
		Map<String, OpenAlert> open = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, student_id, open_key, message, severity, rule_recovered_at FROM alerts
				WHERE student_id IN (:students) AND open_key IN (:sources)""")
			.param("students", students)
			.param("sources", rules.stream().map(r -> r.kind().sourceRef()).toList())
			.query((RowCallbackHandler) rs -> open.put(rs.getLong("student_id") + " " + rs.getString("open_key"),
					new OpenAlert(rs.getLong("id"), rs.getLong("student_id"), rs.getString("open_key"),
							rs.getString("message"), AlertSeverity.valueOf(rs.getString("severity")),
							rs.getObject("rule_recovered_at", LocalDateTime.class) != null)));
		return open;
	}

}
