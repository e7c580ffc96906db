package org.mentorhub.alert;

import java.math.BigDecimal;

/**
 * The form of one rule on the rules page: its settings and the version read. A checkbox that is not
 * ticked is not sent, so {@code enabled} and {@code autoResolve} are false unless present.
 */
record AlertRuleForm(Boolean enabled, BigDecimal threshold, Integer windowWeeks, String severity, Boolean autoResolve,
		Long version) {

	AlertRuleInput input() {
		return new AlertRuleInput(Boolean.TRUE.equals(this.enabled), this.threshold, this.windowWeeks, this.severity,
				Boolean.TRUE.equals(this.autoResolve), this.version);
	}

}
