package org.mentorhub.alert;

import java.util.List;

/**
 * What a rule with these settings would flag now, without raising anything: how many students of the
 * institution it looked at, how many it would flag, and the first of them (at most
 * {@link AlertRules#DRY_RUN_SAMPLE}) with the reason.
 */
public record AlertRuleDryRun(AlertRuleKind kind, int studentsChecked, int flagged, List<Flagged> sample) {

	/** A student the rule would flag, and why. */
	public record Flagged(long studentId, String fullName, String reason) {
	}

}
