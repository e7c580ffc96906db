package org.mentorhub.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.InstitutionDetails;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert rules of an institution (issue 16 part 2): its administrators switch each kind of rule on
 * or off and set its threshold, window, severity and whether it resolves its own alerts when the data
 * recovers ({@link #update}, audited as {@code ALERT_RULE_CHANGED}); before switching one on they see
 * how many students it would flag ({@link #dryRun}, audited as {@code ALERT_RULE_DRY_RUN}). Coordinators
 * may read the rules; everybody else gets 403. The rules themselves run in {@link AlertRuleSweep}.
 */
@Service
public class AlertRules {

	/** The most flagged students a dry run lists. */
	public static final int DRY_RUN_SAMPLE = 20;

	static final String ALERT_RULE_CHANGED = "ALERT_RULE_CHANGED";

	static final String ALERT_RULE_DRY_RUN = "ALERT_RULE_DRY_RUN";

	private final JdbcClient jdbc;

	private final AlertAccess access;

	private final AuditTrail audit;

	private final Organizations organizations;

	private final AlertRuleSweep sweep;

	private final Clock clock;

	AlertRules(JdbcClient jdbc, AlertAccess access, AuditTrail audit, Organizations organizations, AlertRuleSweep sweep,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.organizations = organizations;
		this.sweep = sweep;
		this.clock = clock;
	}

	/** Every kind of rule of the caller's institution, saved or with its defaults; administrators and coordinators. */
	@Transactional(readOnly = true)
	public List<AlertRuleView> list() {
		AlertAccess.Reader reader = requireReader();
		return List.copyOf(rulesOf(reader.institutionId(), reader.admin()).values());
	}

	/** One rule of the caller's institution; administrators and coordinators. */
	@Transactional(readOnly = true)
	public AlertRuleView get(String kind) {
		AlertAccess.Reader reader = requireReader();
		return rulesOf(reader.institutionId(), reader.admin()).get(kind(kind));
	}

	/** Whether the caller changes rules (an administrator of an institution). */
	@Transactional(readOnly = true)
	public boolean edits() {
		AlertAccess.Reader reader = this.access.reader();
		return reader.admin() && reader.institutionId() != null;
	}

	/**
	 * Saves a rule of the caller's institution: administrators only (403). Out-of-range values are 400
	 * with what is allowed, and nothing is saved; a stale version is 409. Switching a rule on makes the
	 * caller its enabler, who hears how each alert it raises ends. Audited with the settings before and
	 * after.
	 */
	@Transactional
	public AlertRuleView update(String kind, AlertRuleInput input) {
		AlertAccess.Reader reader = requireAdmin();
		AlertRuleKind k = kind(kind);
		AlertRuleView before = rulesOf(reader.institutionId(), true).get(k);
		AlertRuleView wanted = checked(reader.institutionId(), before, input, true);
		Instant now = this.clock.instant();
		boolean switchedOn = wanted.enabled() && !before.enabled();
		Long enabler = switchedOn ? Long.valueOf(reader.id()) : before.enabledById();
		LocalDateTime enabledAt = switchedOn ? Alerts.utc(now) : Alerts.utc(before.enabledAt());
		if (before.version() == 0 && before.updatedAt() == null) {
			try {
				this.jdbc.sql("""
						INSERT INTO alert_rules (institution_id, kind, enabled, threshold, window_weeks, severity, auto_resolve,
						                         enabled_by_id, enabled_at, updated_by_id, created_at, updated_at, version)
						VALUES (:inst, :kind, :enabled, :threshold, :window, :severity, :auto, :enabler, :enabledAt, :me,
						        :now, :now, 1)""")
					.params(values(reader, k, wanted, enabler, enabledAt, now))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new OptimisticLockingFailureException("Somebody saved the rule " + k + " meanwhile", ex);
			}
		}
		else {
			int changed = this.jdbc.sql("""
					UPDATE alert_rules SET enabled = :enabled, threshold = :threshold, window_weeks = :window,
					       severity = :severity, auto_resolve = :auto, enabled_by_id = :enabler, enabled_at = :enabledAt,
					       updated_by_id = :me, updated_at = :now, version = version + 1
					WHERE institution_id = :inst AND kind = :kind AND version = :version""")
				.params(values(reader, k, wanted, enabler, enabledAt, now))
				.param("version", before.version())
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("Stale rule " + k);
			}
		}
		AlertRuleView after = rulesOf(reader.institutionId(), true).get(k);
		this.audit.record(AuditRecord.change(ALERT_RULE_CHANGED, "alert_rules", k.name(), state(before), state(after)));
		return after;
	}

	/**
	 * How many students of the caller's institution the rule would flag now with these settings (the saved
	 * ones where the input leaves them out), with a sample of them: administrators only (403); nothing is
	 * raised. Out-of-range values are 400. Audited as {@code ALERT_RULE_DRY_RUN}.
	 */
	@Transactional
	public AlertRuleDryRun dryRun(String kind, AlertRuleInput input) {
		AlertAccess.Reader reader = requireAdmin();
		AlertRuleKind k = kind(kind);
		AlertRuleView saved = rulesOf(reader.institutionId(), true).get(k);
		AlertRuleView tried = checked(reader.institutionId(), saved, input == null
				? new AlertRuleInput(null, null, null, null, null, null) : input, false);
		AlertRuleDryRun result = this.sweep.dryRun(reader.institutionId(), tried, DRY_RUN_SAMPLE);
		Map<String, Object> described = new LinkedHashMap<>(state(tried));
		described.put("studentsChecked", result.studentsChecked());
		described.put("flagged", result.flagged());
		this.audit.record(AuditRecord.change(ALERT_RULE_DRY_RUN, "alert_rules", k.name(), null, described));
		return result;
	}

	// ------------------------------------------------------------------ helpers

	private static AlertRuleKind kind(String kind) {
		return AlertRuleKind.of(kind).orElseThrow(() -> new org.mentorhub.platform.NotFoundException("No such rule"));
	}

	private AlertAccess.Reader requireReader() {
		AlertAccess.Reader reader = this.access.reader();
		if (!reader.manager()) {
			throw new AccessDeniedException("The alert rules are for administrators and coordinators.");
		}
		return reader;
	}

	private AlertAccess.Reader requireAdmin() {
		AlertAccess.Reader reader = this.access.reader();
		if (!reader.admin() || reader.institutionId() == null) {
			throw new AccessDeniedException("Only administrators change or try the alert rules.");
		}
		return reader;
	}

	/** The settings the input asks for, checked against each kind's range; missing values keep the current ones. */
	private AlertRuleView checked(long institutionId, AlertRuleView current, AlertRuleInput input, boolean saving) {
		AlertRuleInput in = input == null ? new AlertRuleInput(null, null, null, null, null, null) : input;
		AlertRuleKind kind = current.kind();
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal threshold = in.threshold() == null ? current.threshold() : in.threshold();
		if (!kind.hasThreshold()) {
			if (in.threshold() != null) {
				problems.add(new FieldProblem("threshold", "This rule takes no threshold."));
			}
			threshold = null;
		}
		else {
			thresholdProblem(institutionId, kind, threshold).ifPresent(m -> problems.add(new FieldProblem("threshold", m)));
		}
		Integer window = in.windowWeeks() == null ? current.windowWeeks() : in.windowWeeks();
		if (!kind.hasWindow()) {
			if (in.windowWeeks() != null) {
				problems.add(new FieldProblem("windowWeeks", "This rule takes no window."));
			}
			window = null;
		}
		else if (window == null || window < 1 || window > 52) {
			problems.add(new FieldProblem("windowWeeks", "The window is 1 to 52 weeks."));
		}
		AlertSeverity severity = Alerts.blank(in.severity()) ? current.severity()
				: AlertSeverity.of(in.severity()).orElseGet(() -> Alerts.problem(problems, "severity",
						"Unknown severity: choose INFO, WARN or CRITICAL."));
		if (saving && (in.version() == null || in.version() < 0)) {
			problems.add(new FieldProblem("version", "Send the version you read, so that a newer change is not lost."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (saving && in.version() != current.version()) {
			throw new OptimisticLockingFailureException("Stale rule " + kind);
		}
		return new AlertRuleView(kind, in.enabled() == null ? current.enabled() : in.enabled(), threshold, window,
				severity, in.autoResolve() == null ? current.autoResolve() : in.autoResolve(), current.enabledById(),
				current.enabledByName(), current.enabledAt(), current.updatedAt(), current.version(), current.editable());
	}

	private java.util.Optional<String> thresholdProblem(long institutionId, AlertRuleKind kind, BigDecimal t) {
		if (t == null) {
			return java.util.Optional.of("Enter the threshold.");
		}
		return java.util.Optional.ofNullable(switch (kind) {
			case GPA_BELOW -> {
				BigDecimal scale = this.organizations.findInstitutionDetails(institutionId)
					.map(InstitutionDetails::gpaScale)
					.orElse(new BigDecimal("4.00"));
				yield t.signum() <= 0 || t.compareTo(scale) > 0 || t.scale() > 2
						? "The GPA threshold is above 0 and at most " + AlertRuleEvaluator.plain(scale)
								+ " (your institution's scale), with at most two decimals." : null;
			}
			case ATTENDANCE_BELOW -> t.signum() <= 0 || t.compareTo(BigDecimal.valueOf(100)) > 0 || t.scale() > 2
					? "The attendance threshold is a percentage above 0 and at most 100." : null;
			case NO_SHOWS -> !whole(t) || t.intValue() < 1 || t.intValue() > 50
					? "The number of no-shows is a whole number from 1 to 50." : null;
			case NO_RECENT_SESSION -> !whole(t) || t.intValue() < 1 || t.intValue() > 365
					? "The number of days is a whole number from 1 to 365." : null;
			case ACTION_ITEMS_OVERDUE -> !whole(t) || t.intValue() < 0 || t.intValue() > 365
					? "The number of days is a whole number from 0 to 365." : null;
			default -> null;
		});
	}

	private static boolean whole(BigDecimal t) {
		return t.stripTrailingZeros().scale() <= 0 && t.abs().compareTo(BigDecimal.valueOf(100_000)) < 0;
	}

	private static Map<String, Object> values(AlertAccess.Reader reader, AlertRuleKind k, AlertRuleView wanted,
			Long enabler, LocalDateTime enabledAt, Instant now) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("inst", reader.institutionId());
		values.put("kind", k.name());
		values.put("enabled", wanted.enabled());
		values.put("threshold", wanted.threshold());
		values.put("window", wanted.windowWeeks());
		values.put("severity", wanted.severity().name());
		values.put("auto", wanted.autoResolve());
		values.put("enabler", enabler);
		values.put("enabledAt", enabledAt);
		values.put("me", reader.id());
		values.put("now", Alerts.utc(now));
		return values;
	}

	private static Map<String, Object> state(AlertRuleView rule) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("kind", rule.kind().name());
		state.put("enabled", rule.enabled());
		state.put("threshold", rule.threshold() == null ? null : rule.threshold().toPlainString());
		state.put("windowWeeks", rule.windowWeeks());
		state.put("severity", rule.severity().name());
		state.put("autoResolve", rule.autoResolve());
		return state;
	}

	/** Every kind's rule of the institution: its saved row, else off with the defaults. One query. */
	Map<AlertRuleKind, AlertRuleView> rulesOf(long institutionId, boolean editable) {
		Map<AlertRuleKind, AlertRuleView> rules = new EnumMap<>(AlertRuleKind.class);
		for (AlertRuleKind kind : AlertRuleKind.values()) {
			rules.put(kind, new AlertRuleView(kind, false, kind.defaultThreshold(), kind.defaultWindowWeeks(),
					AlertSeverity.WARN, false, null, null, null, null, 0, editable));
		}
		this.jdbc.sql("""
				SELECT r.kind, r.enabled, r.threshold, r.window_weeks, r.severity, r.auto_resolve, r.enabled_by_id,
				       p.full_name AS enabled_by_name, r.enabled_at, r.updated_at, r.version
				FROM alert_rules r LEFT JOIN identity_people p ON p.id = r.enabled_by_id
				WHERE r.institution_id = :inst""")
			.param("inst", institutionId)
			.query((rs, i) -> new AlertRuleView(AlertRuleKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"),
					rs.getBigDecimal("threshold"), rs.getObject("window_weeks", Integer.class),
					AlertSeverity.valueOf(rs.getString("severity")), rs.getBoolean("auto_resolve"),
					rs.getObject("enabled_by_id", Long.class), rs.getString("enabled_by_name"),
					Alerts.utc(rs.getObject("enabled_at", LocalDateTime.class)),
					Alerts.utc(rs.getObject("updated_at", LocalDateTime.class)), rs.getLong("version"), editable))
			.list()
			.forEach(rule -> rules.put(rule.kind(), rule));
		return rules;
	}

}
