package org.mentorhub.alert;

import java.math.BigDecimal;

/**
 * A rule's settings as an administrator sends them: on or off, its threshold and window (only for the
 * kinds that take them), the severity of its alerts, whether it resolves its own alerts when the data
 * recovers, and the version read (0 for a rule never saved).
 */
public record AlertRuleInput(Boolean enabled, BigDecimal threshold, Integer windowWeeks, String severity,
		Boolean autoResolve, Long version) {
}
