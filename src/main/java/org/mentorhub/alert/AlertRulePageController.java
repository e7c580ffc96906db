package org.mentorhub.alert;

import java.util.ArrayList;
import java.util.List;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The alert rules page, {@code /alerts/rules}: every kind of rule of the institution with its settings,
 * a form per rule for administrators (save, or try it first: the dry run shows how many students it
 * would flag and a sample of them), read only for coordinators. Errors inline with 400; a stale form is
 * 409.
 */
@Controller
class AlertRulePageController {

	private final AlertRules rules;

	private final FormBinding binding;

	AlertRulePageController(AlertRules rules, FormBinding binding) {
		this.rules = rules;
		this.binding = binding;
	}

	/** A rule on the page, with what was typed into its form, its problems and its dry run. */
	record RuleCard(AlertRuleView rule, AlertRuleForm form, FieldErrors errors, AlertRuleDryRun dryRun) {
	}

	@GetMapping("/alerts/rules")
	ModelAndView list(@RequestParam(required = false) String saved, Model model) {
		return page(model, null, null, FieldErrors.none(), null, AlertRuleKind.of(saved).orElse(null), null,
				HttpStatus.OK);
	}

	@PostMapping("/alerts/rules/{kind}")
	ModelAndView save(@PathVariable String kind, AlertRuleForm form, BindingResult problems, Model model) {
		AlertRuleKind k = AlertRuleKind.of(kind).orElseThrow(() -> new org.mentorhub.platform.NotFoundException("No such rule"));
		try {
			this.binding.requireValid(problems);
			this.rules.update(kind, form.input());
			return new ModelAndView("redirect:/alerts/rules?saved=" + k.name() + "#rule-" + k.name());
		}
		catch (InvalidInputException ex) {
			return page(model, k, form, FieldErrors.of(ex), null, null, null, HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			return page(model, k, form, FieldErrors.none(), null, null, "stale", HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/alerts/rules/{kind}/dry-run")
	ModelAndView dryRun(@PathVariable String kind, AlertRuleForm form, BindingResult problems, Model model) {
		AlertRuleKind k = AlertRuleKind.of(kind).orElseThrow(() -> new org.mentorhub.platform.NotFoundException("No such rule"));
		try {
			this.binding.requireValid(problems);
			AlertRuleInput typed = form.input();
			AlertRuleDryRun result = this.rules.dryRun(kind, new AlertRuleInput(null, typed.threshold(),
					typed.windowWeeks(), typed.severity(), null, null));
			return page(model, k, form, FieldErrors.none(), result, null, null, HttpStatus.OK);
		}
		catch (InvalidInputException ex) {
			return page(model, k, form, FieldErrors.of(ex), null, null, null, HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView page(Model model, AlertRuleKind kind, AlertRuleForm typed, FieldErrors errors,
			AlertRuleDryRun dryRun, AlertRuleKind saved, String problem, HttpStatus status) {
		List<RuleCard> cards = new ArrayList<>();
		for (AlertRuleView rule : this.rules.list()) {
			boolean mine = rule.kind() == kind;
			AlertRuleForm form = mine && typed != null ? typed
					: new AlertRuleForm(rule.enabled(), rule.threshold(), rule.windowWeeks(), rule.severity().name(),
							rule.autoResolve(), rule.version());
			cards.add(new RuleCard(rule, form, mine ? errors : FieldErrors.none(), mine ? dryRun : null));
		}
		model.addAttribute("cards", cards);
		model.addAttribute("edits", this.rules.edits());
		model.addAttribute("severities", AlertSeverity.values());
		model.addAttribute("saved", saved);
		model.addAttribute("problem", problem);
		model.addAttribute("problemKind", kind);
		return new ModelAndView("alert/rules", model.asMap(), status);
	}

}
