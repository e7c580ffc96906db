package org.mentorhub.alert;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The alert pages: {@code /alerts} (the triage queue of a coordinator or administrator: filters, paging,
 * bulk assign and acknowledge, CSV export), {@code /alerts/mine} (my cases; a student's alerts visible to
 * them), {@code /alerts/new} (raise an alert, {@code ?student=} preselects the student) and
 * {@code /alerts/{id}} (the case with its history, its transition buttons and, for managers, the assign
 * form). Every form works without JavaScript: post, then redirect; errors inline with 400, or the
 * problem with 409 for a transition the status does not allow or a stale version.
 */
@Controller
class AlertPageController {

	static final int PAGE_SIZE = 25;

	private final Alerts alerts;

	private final FormBinding binding;

	AlertPageController(Alerts alerts, FormBinding binding) {
		this.alerts = alerts;
		this.binding = binding;
	}

	@GetMapping("/alerts")
	ModelAndView queue(AlertForms.QueueForm form, BindingResult problems, @RequestParam(required = false) String done,
			@RequestParam(required = false) Integer count, Model model) {
		this.binding.requireValid(problems);
		return queuePage(form, model, done, count, null, FieldErrors.none(), HttpStatus.OK);
	}

	private ModelAndView queuePage(AlertForms.QueueForm form, Model model, String done, Integer count, String problem,
			FieldErrors bulkErrors, HttpStatus status) {
		AlertForms.QueueForm f = form == null ? new AlertForms.QueueForm(null, null, null, null, null, null, null) : form;
		Alerts.AlertPage page = this.alerts.queue(f.filter(), f.pageOrFirst(), PAGE_SIZE);
		model.addAttribute("page", page);
		model.addAttribute("filter", f);
		model.addAttribute("owners", this.alerts.ownerChoices());
		model.addAttribute("departments", this.alerts.departments());
		model.addAttribute("severities", AlertSeverity.values());
		model.addAttribute("categories", AlertCategory.values());
		model.addAttribute("statuses", AlertStatus.values());
		model.addAttribute("done", "ASSIGN".equals(done) || "ACKNOWLEDGE".equals(done) ? done : null);
		model.addAttribute("count", count == null ? 0 : count);
		model.addAttribute("problem", problem);
		model.addAttribute("bulkErrors", bulkErrors);
		return new ModelAndView("alert/queue", model.asMap(), status);
	}

	@PostMapping("/alerts/bulk")
	ModelAndView bulk(AlertForms.BulkForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			Alerts.BulkResult result = "ASSIGN".equals(form.action()) ? this.alerts.bulkAssign(form.ids(), form.ownerId())
					: "ACKNOWLEDGE".equals(form.action()) ? this.alerts.bulkAcknowledge(form.ids())
							: unknownAction();
			return new ModelAndView("redirect:/alerts?done=" + result.action() + "&count=" + result.count());
		}
		catch (InvalidInputException ex) {
			return queuePage(null, model, null, null, ex.getMessage(), FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException | NotFoundException ex) {
			// All or nothing: say which alert stopped it; nothing was changed.
			return queuePage(null, model, null, null, ex.getMessage(), FieldErrors.none(),
					ex instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
		}
	}

	private static Alerts.BulkResult unknownAction() {
		throw new InvalidInputException("action", "Choose to assign or to acknowledge the alerts.");
	}

	@GetMapping("/alerts/export.csv")
	void export(AlertForms.QueueForm form, BindingResult problems, HttpServletResponse response) {
		this.binding.requireValid(problems);
		this.alerts.export(form.filter(), fileName -> AlertRestController.openCsv(response, fileName));
	}

	@GetMapping("/alerts/mine")
	String mine(@RequestParam(required = false) Integer page, Model model) {
		int p = page == null || page < 0 ? 0 : page;
		model.addAttribute("open", this.alerts.myCases(false, p, PAGE_SIZE));
		model.addAttribute("closed", this.alerts.myCases(true, 0, PAGE_SIZE));
		model.addAttribute("triages", this.alerts.triages());
		model.addAttribute("raises", this.alerts.raises());
		return "alert/mine";
	}

	@GetMapping("/alerts/new")
	ModelAndView newAlert(@RequestParam(required = false) Long student, Model model) {
		if (!this.alerts.raises()) {
			throw new AccessDeniedException("Mentors, coordinators and administrators raise alerts.");
		}
		AlertForms.RaiseForm form = new AlertForms.RaiseForm(student, "WARN", "OTHER", "", false);
		return raiseForm(model, form, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/alerts")
	ModelAndView raise(AlertForms.RaiseForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			AlertView raised = this.alerts.raise(form.input());
			return new ModelAndView("redirect:/alerts/" + raised.id() + "?saved=raised");
		}
		catch (InvalidInputException ex) {
			return raiseForm(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView raiseForm(Model model, AlertForms.RaiseForm form, FieldErrors errors, HttpStatus status) {
		List<Alerts.PersonChoice> students = this.alerts.studentChoices();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("students", students);
		model.addAttribute("severities", AlertSeverity.values());
		model.addAttribute("categories", AlertCategory.values());
		model.addAttribute("maxText", Alerts.MAX_TEXT);
		return new ModelAndView("alert/new", model.asMap(), status);
	}

	@GetMapping("/alerts/{id:\\d+}")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		model.addAttribute("saved", saved == null ? null
				: "raised".equals(saved) || "assigned".equals(saved) ? saved : "moved");
		return render(id, model, null, FieldErrors.none(), null, HttpStatus.OK);
	}

	@PostMapping("/alerts/{id:\\d+}/transitions")
	ModelAndView transition(@PathVariable long id, AlertForms.TransitionForm form, BindingResult problems,
			Model model) {
		try {
			this.binding.requireValid(problems);
			this.alerts.transition(id, form.action(), form.note(), form.version());
			return new ModelAndView("redirect:/alerts/" + id + "?saved=moved");
		}
		catch (InvalidInputException ex) {
			return render(id, model, null, FieldErrors.of(ex), form, HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), form, HttpStatus.CONFLICT);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, "stale", FieldErrors.none(), form, HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/alerts/{id:\\d+}/assign")
	ModelAndView assign(@PathVariable long id, AlertForms.AssignForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.alerts.assign(id, form.ownerId(), form.version());
			return new ModelAndView("redirect:/alerts/" + id + "?saved=assigned");
		}
		catch (InvalidInputException ex) {
			return render(id, model, null, FieldErrors.of(ex), null, HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, "stale", FieldErrors.none(), null, HttpStatus.CONFLICT);
		}
	}

	private ModelAndView render(long id, Model model, String problem, FieldErrors errors,
			AlertForms.TransitionForm typed, HttpStatus status) {
		AlertDetails details = this.alerts.get(id);
		model.addAttribute("details", details);
		model.addAttribute("alert", details.alert());
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("note", typed == null || typed.note() == null ? "" : typed.note());
		model.addAttribute("owners", details.alert().assignable() ? this.alerts.ownerChoices() : List.of());
		model.addAttribute("maxText", Alerts.MAX_TEXT);
		if (!model.containsAttribute("saved")) {
			model.addAttribute("saved", null);
		}
		return new ModelAndView("alert/view", model.asMap(), status);
	}

}
