package org.mentorhub.organization;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's department pages: the list with member counts and a form for a new
 * department on the same page, and an edit page to rename a department or change its code.
 */
@Controller
@RequestMapping("/admin/departments")
class DepartmentPageController {

	private final DepartmentAdministration administration;

	DepartmentPageController(DepartmentAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	ModelAndView list(Model model) {
		return listPage(model, DepartmentForm.blank(), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(@ModelAttribute DepartmentForm form, Model model, RedirectAttributes redirect) {
		try {
			DepartmentSummary created = this.administration.create(form.name(), form.code());
			redirect.addFlashAttribute("saved", created.name());
			return new ModelAndView("redirect:/admin/departments");
		}
		catch (InvalidInputException ex) {
			return listPage(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView editForm(@PathVariable long id, Model model) {
		DepartmentOverview department = this.administration.get(id);
		return editPage(model, department, DepartmentForm.of(department), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/{id:\\d+}")
	ModelAndView update(@PathVariable long id, @ModelAttribute DepartmentForm form, Model model,
			RedirectAttributes redirect) {
		try {
			DepartmentSummary saved = this.administration.update(id, form.name() == null ? "" : form.name(),
					form.code() == null ? "" : form.code(), form.version());
			redirect.addFlashAttribute("saved", saved.name());
			return new ModelAndView("redirect:/admin/departments");
		}
		catch (InvalidInputException ex) {
			return editPage(model, this.administration.get(id), form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			DepartmentOverview current = this.administration.get(id);
			model.addAttribute("stale", true);
			return editPage(model, current, DepartmentForm.of(current), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	private ModelAndView listPage(Model model, DepartmentForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("departments", this.administration.list());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return new ModelAndView("organization/departments", model.asMap(), status);
	}

	private ModelAndView editPage(Model model, DepartmentOverview department, DepartmentForm form, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("department", department);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return new ModelAndView("organization/department-form", model.asMap(), status);
	}

}
