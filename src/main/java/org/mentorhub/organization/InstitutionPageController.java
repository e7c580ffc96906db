package org.mentorhub.organization;

import java.time.ZoneId;
import java.util.List;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.FieldErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The platform administrator's institution pages: the list, a form for a new institution and the
 * same form to edit one. Rules and authorization are the service's; this only shows its answers.
 * The blank form for a new institution asks the service nothing, so the permission is checked here
 * too: without it, anyone signed in could open that page (found by the authorization matrix, S8).
 */
@Controller
@PreAuthorize("hasAuthority('INSTITUTION_MANAGE')")
@RequestMapping("/platform/institutions")
class InstitutionPageController {

	static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final InstitutionAdministration administration;

	InstitutionPageController(InstitutionAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("institutions", this.administration.list());
		return "organization/institutions";
	}

	@GetMapping("/new")
	ModelAndView newForm(Model model) {
		return form(model, null, InstitutionForm.blank(), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(@ModelAttribute InstitutionForm form, Model model, RedirectAttributes redirect) {
		try {
			InstitutionDetails created = this.administration.create(form.toDraft());
			redirect.addFlashAttribute("saved", created.name());
			return new ModelAndView("redirect:/platform/institutions");
		}
		catch (InvalidInputException ex) {
			return form(model, null, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView editForm(@PathVariable long id, Model model) {
		InstitutionDetails details = this.administration.get(id);
		return form(model, details, InstitutionForm.of(details), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/{id:\\d+}")
	ModelAndView update(@PathVariable long id, @ModelAttribute InstitutionForm form, Model model,
			RedirectAttributes redirect) {
		try {
			InstitutionDetails saved = this.administration.update(id, form.toDraft());
			redirect.addFlashAttribute("saved", saved.name());
			return new ModelAndView("redirect:/platform/institutions");
		}
		catch (InvalidInputException ex) {
			return form(model, this.administration.get(id), form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			InstitutionDetails current = this.administration.get(id);
			model.addAttribute("stale", true);
			return form(model, current, InstitutionForm.of(current), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	private ModelAndView form(Model model, InstitutionDetails existing, InstitutionForm form, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("existing", existing);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", TIME_ZONES);
		model.addAttribute("kinds", InstitutionKind.values());
		return new ModelAndView("organization/institution-form", model.asMap(), status);
	}

}
