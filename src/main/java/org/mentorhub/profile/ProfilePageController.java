package org.mentorhub.profile;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile pages: my profile, another person's (as its visibility allows), the edit form, the
 * academic record form on a student's page, and the tag suggestions the edit form asks for.
 */
@Controller
class ProfilePageController {

	private final Profiles profiles;

	ProfilePageController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/profile")
	ModelAndView mine(Model model) {
		return viewPage(model, this.profiles.mine(), null, FieldErrors.none(), HttpStatus.OK);
	}

	@GetMapping("/people/{userId:\\d+}")
	ModelAndView person(@PathVariable long userId, Model model) {
		return viewPage(model, this.profiles.view(userId), null, FieldErrors.none(), HttpStatus.OK);
	}

	@GetMapping("/profile/edit")
	ModelAndView editForm(Model model) {
		ProfileView mine = this.profiles.mine();
		return editPage(model, mine, ProfileForm.of(mine), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/profile/edit")
	ModelAndView edit(@ModelAttribute ProfileForm form, Model model, RedirectAttributes redirect) {
		return save(this.profiles.mine(), form, model, redirect, "redirect:/profile");
	}

	/** The profile, if the caller may change it: 404 if they may not see it, 403 if they may only see it. */
	private ProfileView editable(long userId) {
		ProfileView person = this.profiles.view(userId);
		if (!person.editable()) {
			throw new AccessDeniedException("Only the owner or an administrator changes a profile");
		}
		return person;
	}

	private ModelAndView save(ProfileView person, ProfileForm form, Model model, RedirectAttributes redirect,
			String done) {
		try {
			this.profiles.update(person.userId(), form.toChanges(person.mentor() != null));
			redirect.addFlashAttribute("saved", true);
			return new ModelAndView(done);
		}
		catch (InvalidInputException ex) {
			// The mentor fields are flat on the page ("maxMentees"), nested in the API ("mentor.maxMentees").
			InvalidInputException flat = new InvalidInputException(ex.problems()
				.stream()
				.map(p -> new InvalidInputException.FieldProblem(p.field().replaceFirst("^mentor\\.", ""), p.message()))
				.toList());
			return editPage(model, person, form, FieldErrors.of(flat), HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			ProfileView current = this.profiles.view(person.userId());
			model.addAttribute("stale", true);
			return editPage(model, current, ProfileForm.of(current), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	/** An administrator's edit form for a person of the institution (the owner may use it too). */
	@GetMapping("/people/{userId:\\d+}/edit")
	ModelAndView editPersonForm(@PathVariable long userId, Model model) {
		ProfileView person = editable(userId);
		return editPage(model, person, ProfileForm.of(person), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/people/{userId:\\d+}/edit")
	ModelAndView editPerson(@PathVariable long userId, @ModelAttribute ProfileForm form, Model model,
			RedirectAttributes redirect) {
		ProfileView person = editable(userId);
		return save(person, form, model, redirect, "redirect:/people/" + userId);
	}

	@PostMapping("/people/{userId:\\d+}/academic")
	ModelAndView academic(@PathVariable long userId, @ModelAttribute AcademicForm form, Model model,
			RedirectAttributes redirect) {
		try {
			this.profiles.updateAcademic(userId, form.toChanges());
			redirect.addFlashAttribute("saved", true);
			return new ModelAndView("redirect:/people/" + userId);
		}
		catch (InvalidInputException ex) {
			return viewPage(model, this.profiles.view(userId), form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/profile/tags/suggest")
	ModelAndView suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String skills,
			@RequestParam(required = false) String interests, Model model) {
		// htmx sends the whole skills (or interests) field: suggest for the tag being typed, after the last comma.
		String field = skills != null ? skills : interests;
		String typed = q != null ? q : field == null ? "" : field.substring(field.lastIndexOf(',') + 1);
		model.addAttribute("tags", this.profiles.suggestTags(typed));
		return new ModelAndView("profile/partials/tag-suggestions", model.asMap(), HttpStatus.OK);
	}

	private ModelAndView viewPage(Model model, ProfileView profile, AcademicForm form, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("profile", profile);
		ProfileView.Academic a = profile.student() == null ? null : profile.student().academic();
		model.addAttribute("academicForm", form != null ? form
				: new AcademicForm(profile.student() == null ? null : profile.student().rollNumber(),
						a == null || a.gpa() == null ? null : a.gpa().toPlainString(),
						a == null || a.attendancePct() == null ? null : a.attendancePct().toPlainString(),
						a == null ? "LOW" : a.riskLevel().name()));
		model.addAttribute("errors", errors);
		return new ModelAndView("profile/view", model.asMap(), status);
	}

	private ModelAndView editPage(Model model, ProfileView profile, ProfileForm form, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("profile", profile);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("communications", PreferredCommunication.values());
		model.addAttribute("visibilities", ProfileVisibility.values());
		return new ModelAndView("profile/edit", model.asMap(), status);
	}

}
