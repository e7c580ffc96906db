package org.mentorhub.alert;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the alert rules page. */
@RestController
@RequestMapping("/api/v1/alert-rules")
@Tag(name = "Alert rules", description = "The rules that raise alerts by themselves, per institution: GPA below a "
		+ "threshold, attendance below a threshold, risk level HIGH, N no-shows within M weeks, a goal at risk or past "
		+ "its date, no completed session for N days, action items overdue by more than N days. Administrators switch "
		+ "them on or off, set their threshold and severity and try them (dry run); coordinators read them; 403 for "
		+ "everybody else. Changes are audited (ALERT_RULE_CHANGED) and name the version read (stale: 409).")
class AlertRuleRestController {

	private final AlertRules rules;

	AlertRuleRestController(AlertRules rules) {
		this.rules = rules;
	}

	/** A rule's settings. */
	record AlertRuleRequest(@Schema(description = "Whether the rule runs") Boolean enabled,
			@Schema(minimum = "0", description = "GPA_BELOW: above 0, at most the institution's GPA scale; ATTENDANCE_BELOW: "
					+ "above 0, at most 100; NO_SHOWS: 1 to 50; NO_RECENT_SESSION: 1 to 365 days; ACTION_ITEMS_OVERDUE: 0 to "
					+ "365 days; none for RISK_HIGH and GOAL_AT_RISK. Left out: unchanged.") BigDecimal threshold,
			@Schema(minimum = "1", maximum = "52", description = "NO_SHOWS only: the window in weeks") Integer windowWeeks,
			@Schema(allowableValues = { "INFO", "WARN", "CRITICAL" }, description = "The severity of its alerts") String severity,
			@Schema(description = "Whether the rule resolves its own alerts when the data recovers") Boolean autoResolve,
			@Schema(minimum = "0", description = "The version read (0 for a rule never saved); required to save") Long version) {

		AlertRuleInput input() {
			return new AlertRuleInput(this.enabled, this.threshold, this.windowWeeks, this.severity, this.autoResolve,
					this.version);
		}

	}

	@GetMapping
	@Operation(summary = "The institution's rules", description = "Every kind, saved or with its defaults (off).")
	List<AlertRuleView> list() {
		return this.rules.list();
	}

	@GetMapping("/{kind}")
	@Operation(summary = "One rule", description = "404 for an unknown kind.")
	AlertRuleView get(@PathVariable String kind) {
		return this.rules.get(kind);
	}

	@PutMapping("/{kind}")
	@Operation(summary = "Change a rule", description = "Administrators only. 400 for an out-of-range threshold or "
			+ "window (a negative threshold included) or an unknown severity, and nothing is saved; 409 for a stale "
			+ "version. Switching a rule on makes you its enabler: you are told how each alert it raises ends.")
	AlertRuleView update(@PathVariable String kind, @RequestBody(required = false) AlertRuleRequest body) {
		return this.rules.update(kind, body == null ? null : body.input());
	}

	@PostMapping("/{kind}/dry-run")
	@Operation(summary = "Try a rule", description = "Administrators only. How many students the rule would flag now "
			+ "with these settings (the saved ones where left out), with up to 20 of them; raises nothing. 400 for "
			+ "out-of-range settings. Audited (ALERT_RULE_DRY_RUN).")
	AlertRuleDryRun dryRun(@PathVariable String kind, @RequestBody(required = false) AlertRuleRequest body) {
		return this.rules.dryRun(kind, body == null ? null : body.input());
	}

}
