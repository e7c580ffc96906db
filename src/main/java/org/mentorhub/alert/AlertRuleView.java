package org.mentorhub.alert;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rule of an institution as its administrators configure it: off with its defaults until somebody
 * saves it ({@code version} 0 then). {@code enabledById} switched it on last and hears how its alerts end.
 */
public record AlertRuleView(AlertRuleKind kind, boolean enabled, BigDecimal threshold, Integer windowWeeks,
		AlertSeverity severity, boolean autoResolve, Long enabledById, String enabledByName, Instant enabledAt,
		Instant updatedAt, long version, boolean editable) {
}
