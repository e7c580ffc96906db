package org.mentorhub.wellbeing;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
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
 * The milestone pages: {@code /milestones} (a new mother's timeline with what comes next, and for a mentor
 * the milestones her mentees share), the new and edit forms, and delete. Every form posts and redirects;
 * problems come back inline with 400.
 */
@Controller
class MilestonePageController {

	private final Milestones milestones;

	private final FormBinding binding;

	MilestonePageController(Milestones milestones, FormBinding binding) {
		this.milestones = milestones;
		this.binding = binding;
	}

	@GetMapping("/milestones")
	String timeline(@RequestParam(required = false) String saved, Model model) {
		boolean keeps = this.milestones.keepsMilestones();
		model.addAttribute("keeps", keeps);
		model.addAttribute("timeline", keeps ? this.milestones.timeline() : null);
		model.addAttribute("shared", this.milestones.sharedWithMe());
		model.addAttribute("saved", "deleted".equals(saved) ? "deleted" : saved == null ? null : "saved");
		return "wellbeing/milestones";
	}

	@GetMapping("/milestones/new")
	ModelAndView newMilestone(Model model) {
		if (!this.milestones.keepsMilestones()) {
			throw new org.springframework.security.access.AccessDeniedException("Milestones are kept by new mothers.");
		}
		return form(model, null, MilestoneForm.EMPTY, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/milestones")
	ModelAndView create(MilestoneForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.milestones.create(form.input());
			return new ModelAndView("redirect:/milestones?saved=created");
		}
		catch (InvalidInputException ex) {
			return form(model, null, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/milestones/{id:\\d+}")
	ModelAndView edit(@PathVariable long id, Model model) {
		MilestoneView m = this.milestones.get(id);
		if (!m.mine()) {
			model.addAttribute("milestone", m);
			return new ModelAndView("wellbeing/milestone", model.asMap());
		}
		return form(model, id, MilestoneForm.of(m), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/milestones/{id:\\d+}")
	ModelAndView update(@PathVariable long id, MilestoneForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.milestones.edit(id, form.input());
			return new ModelAndView("redirect:/milestones?saved=edited");
		}
		catch (InvalidInputException ex) {
			return form(model, id, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/milestones/{id:\\d+}/delete")
	String delete(@PathVariable long id) {
		this.milestones.delete(id);
		return "redirect:/milestones?saved=deleted";
	}

	private ModelAndView form(Model model, Long id, MilestoneForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", MilestoneType.values());
		ModelAndView view = new ModelAndView("wellbeing/milestone-form", model.asMap());
		view.setStatus(status);
		return view;
	}

}
