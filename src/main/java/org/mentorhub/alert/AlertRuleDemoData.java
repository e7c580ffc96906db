package org.mentorhub.alert;

import java.math.BigDecimal;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * The demo institutions' alert rules: at the university, GPA below 2.8 and attendance below 75% are on
 * (switched on by its administrator, matching the demo's open alerts) and risk level HIGH is on as
 * CRITICAL; every other kind is saved off with its defaults, for the administrator to try with a dry run.
 * At the company every rule is off.
 */
@Component
class AlertRuleDemoData implements DemoSeed {

	private final DemoRows rows;

	AlertRuleDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 549;
	}

	@Override
	public void seed(DemoContext demo) {
		long university = demo.institution(DemoContext.UNIVERSITY);
		long admin = demo.person("admin@northbridge.demo");
		for (AlertRuleKind kind : AlertRuleKind.values()) {
			BigDecimal threshold = switch (kind) {
				case GPA_BELOW -> new BigDecimal("2.80");
				case ATTENDANCE_BELOW -> new BigDecimal("75.00");
				default -> kind.defaultThreshold();
			};
			boolean on = kind == AlertRuleKind.GPA_BELOW || kind == AlertRuleKind.ATTENDANCE_BELOW
					|| kind == AlertRuleKind.RISK_HIGH;
			rule(demo, university, kind, on, threshold, kind == AlertRuleKind.RISK_HIGH ? "CRITICAL" : "WARN",
					on ? admin : null);
			rule(demo, demo.institution(DemoContext.COMPANY), kind, false, kind.defaultThreshold(), "WARN", null);
		}
	}

	private void rule(DemoContext demo, long institution, AlertRuleKind kind, boolean on, BigDecimal threshold,
			String severity, Long enabler) {
		this.rows.insert("alert_rules", row("institution_id", institution, "kind", kind.name(), "enabled", on,
				"threshold", threshold, "window_weeks", kind.defaultWindowWeeks(), "severity", severity, "auto_resolve",
				false, "enabled_by_id", enabler, "enabled_at", on ? demo.now().minusDays(30) : null, "updated_by_id",
				enabler, "created_at", demo.now().minusDays(30), "updated_at", demo.now().minusDays(30), "version", 1));
	}

}
