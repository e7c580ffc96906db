package org.mentorhub.alert;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of rule an institution may switch on, each with the category of the alerts it raises, its
 * default settings and the range of its threshold. Each raises its alerts under one source
 * ({@link #sourceRef()}), so a student never has two open cases from the same rule.
 */
public enum AlertRuleKind {

	/** GPA below the threshold (0 to the institution's scale, exclusive of 0). */
	GPA_BELOW(AlertCategory.GPA, new BigDecimal("2.00"), null, "gpa-below"),
	/** Attendance below the threshold percentage (1 to 100). */
	ATTENDANCE_BELOW(AlertCategory.ATTENDANCE, new BigDecimal("75"), null, "attendance-below"),
	/** Risk level set to HIGH; no threshold. */
	RISK_HIGH(AlertCategory.OTHER, null, null, "risk-high"),
	/** At least N sessions recorded ABSENT (no-shows) within the last M weeks. */
	NO_SHOWS(AlertCategory.MISSED_SESSIONS, new BigDecimal("2"), 4, "no-shows"),
	/** A goal AT_RISK or past its target date; no threshold. */
	GOAL_AT_RISK(AlertCategory.GOALS, null, null, "goal-at-risk"),
	/** An active mentorship without a completed session for more than N days. */
	NO_RECENT_SESSION(AlertCategory.ENGAGEMENT, new BigDecimal("30"), null, "no-recent-session"),
	/** Action items overdue by more than N days. */
	ACTION_ITEMS_OVERDUE(AlertCategory.ENGAGEMENT, new BigDecimal("7"), null, "action-items-overdue");

	private final AlertCategory category;

	private final BigDecimal defaultThreshold;

	private final Integer defaultWindowWeeks;

	private final String code;

	AlertRuleKind(AlertCategory category, BigDecimal defaultThreshold, Integer defaultWindowWeeks, String code) {
		this.category = category;
		this.defaultThreshold = defaultThreshold;
		this.defaultWindowWeeks = defaultWindowWeeks;
		this.code = code;
	}

	/** The kind with this name (any case), if there is one. */
	public static Optional<AlertRuleKind> of(String name) {
		String code = name == null ? "" : name.strip();
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(code)).findFirst();
	}

	/** The category of the alerts it raises. */
	public AlertCategory category() {
		return this.category;
	}

	/** Its threshold when nobody set one; null for the rules without one. */
	public BigDecimal defaultThreshold() {
		return this.defaultThreshold;
	}

	/** Its window in weeks when nobody set one; null for the rules without one. */
	public Integer defaultWindowWeeks() {
		return this.defaultWindowWeeks;
	}

	/** Whether the rule takes a threshold. */
	public boolean hasThreshold() {
		return this.defaultThreshold != null;
	}

	/** Whether the rule takes a window in weeks. */
	public boolean hasWindow() {
		return this.defaultWindowWeeks != null;
	}

	/** The source of its alerts, such as rule:gpa-below (the alerts' source_ref and open key). */
	public String sourceRef() {
		return "rule:" + this.code;
	}

	/** The kind whose alerts carry this source, if any. */
	static Optional<AlertRuleKind> ofSource(String sourceRef) {
		return Arrays.stream(values()).filter(k -> k.sourceRef().equals(sourceRef)).findFirst();
	}

}
