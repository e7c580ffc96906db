package org.mentorhub.wellbeing.coverage;

import java.util.List;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.wellbeing.groups.GroupSummary;
import org.mentorhub.wellbeing.groups.SupportGroups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The leave-coverage pages: {@code /coverage} (her requests, the ones she is asked to cover and, for an
 * administrator, the institution's), the request form, one request's page (handover notes, covered
 * mentees, return plan and the buttons the caller may use) and the administrator's settings. Every
 * form posts and redirects; problems come back inline with 400.
 */
@Controller
class CoveragePageController {

	private final LeaveCoverage coverage;

	private final SupportGroups groups;

	CoveragePageController(LeaveCoverage coverage, SupportGroups groups) {
		this.coverage = coverage;
		this.groups = groups;
	}

	@GetMapping("/coverage")
	String list(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("requests", this.coverage.list());
		model.addAttribute("mayRequest", this.coverage.mayRequest());
		model.addAttribute("admin", this.coverage.isAdmin());
		model.addAttribute("done", done == null ? null : done.replaceAll("[^a-z]", ""));
		return "wellbeing/coverage/list";
	}

	@GetMapping("/coverage/new")
	ModelAndView newRequest(Model model) {
		if (!this.coverage.mayRequest()) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only a new mother, or an administrator for her, asks for leave coverage.");
		}
		return form(model, CoverageForms.RequestForm.EMPTY, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/coverage")
	ModelAndView create(CoverageForms.RequestForm form, Model model) {
		try {
			CoverageView created = this.coverage.request(form.input());
			return new ModelAndView("redirect:/coverage/" + created.id() + "?done=requested");
		}
		catch (InvalidInputException ex) {
			return form(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/coverage/{id:\\d+}")
	String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
		return show(model, this.coverage.get(id), done, FieldErrors.none());
	}

	@PostMapping("/coverage/{id:\\d+}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Long version) {
		this.coverage.accept(id, version);
		return "redirect:/coverage/" + id + "?done=accepted";
	}

	@PostMapping("/coverage/{id:\\d+}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) Long version) {
		this.coverage.reject(id, version);
		return "redirect:/coverage/" + id + "?done=rejected";
	}

	@PostMapping("/coverage/{id:\\d+}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) Long version) {
		this.coverage.approve(id, version);
		return "redirect:/coverage/" + id + "?done=approved";
	}

	@PostMapping("/coverage/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) Long version) {
		this.coverage.cancel(id, version);
		return "redirect:/coverage/" + id + "?done=cancelled";
	}

	@PostMapping("/coverage/{id:\\d+}/return")
	ModelAndView recordReturn(@PathVariable long id, CoverageForms.ReturnForm form, Model model) {
		try {
			this.coverage.recordReturn(id, form.date(), form.version());
			return new ModelAndView("redirect:/coverage/" + id + "?done=returned");
		}
		catch (InvalidInputException ex) {
			String view = show(model, this.coverage.get(id), null, FieldErrors.of(ex));
			ModelAndView mav = new ModelAndView(view, model.asMap());
			mav.setStatus(HttpStatus.BAD_REQUEST);
			return mav;
		}
	}

	@GetMapping("/coverage/settings")
	ModelAndView settings(@RequestParam(required = false) String saved, Model model) {
		CoverageSettingsView s = this.coverage.settings();
		model.addAttribute("saved", saved != null);
		return settingsForm(model, new CoverageForms.SettingsForm(s.approvalRequired(),
				s.returnersGroupId() == null ? "" : s.returnersGroupId().toString(), String.join("\n", s.returnPlan())),
				FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/coverage/settings")
	ModelAndView saveSettings(CoverageForms.SettingsForm form, Model model) {
		try {
			this.coverage.saveSettings(form.approvalRequired(), form.group(), form.returnPlan());
			return new ModelAndView("redirect:/coverage/settings?saved=1");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("saved", false);
			return settingsForm(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	private String show(Model model, CoverageView request, String done, FieldErrors errors) {
		model.addAttribute("request", request);
		model.addAttribute("done", done == null ? null : done.replaceAll("[^a-z]", ""));
		model.addAttribute("errors", errors);
		String groupName = null;
		if (request.returnersGroupId() != null) {
			groupName = this.groups.list().stream().filter(g -> g.id() == request.returnersGroupId())
				.map(GroupSummary::name).findFirst().orElse(null);
		}
		model.addAttribute("returnersGroupName", groupName);
		return "wellbeing/coverage/request";
	}

	private ModelAndView form(Model model, CoverageForms.RequestForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("admin", this.coverage.isAdmin());
		model.addAttribute("colleagues", this.coverage.colleagues());
		model.addAttribute("mothers", this.coverage.mothers());
		ModelAndView view = new ModelAndView("wellbeing/coverage/form", model.asMap());
		view.setStatus(status);
		return view;
	}

	private ModelAndView settingsForm(Model model, CoverageForms.SettingsForm form, FieldErrors errors,
			HttpStatus status) {
		List<GroupSummary> groups = this.groups.list();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("groups", groups);
		ModelAndView view = new ModelAndView("wellbeing/coverage/settings", model.asMap());
		view.setStatus(status);
		return view;
	}

}
