package org.mentorhub.profile.onboarding;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' (and coordinators') page of people who have not finished onboarding, with a
 * reminder per person and one for everyone shown. The filter form is a plain GET form; htmx swaps
 * only the results when paging.
 */
@Controller
class OnboardingFollowUpPageController {

	private final OnboardingFollowUps followUps;

	OnboardingFollowUpPageController(OnboardingFollowUps followUps) {
		this.followUps = followUps;
	}

	@GetMapping("/admin/onboarding")
	ModelAndView list(@ModelAttribute("filters") OnboardingFollowUpForm filters, Model model) {
		return page(filters, false, null, model);
	}

	@HxRequest
	@GetMapping("/admin/onboarding")
	ModelAndView results(@ModelAttribute("filters") OnboardingFollowUpForm filters, Model model) {
		return page(filters, true, null, model);
	}

	@PostMapping("/admin/onboarding/{userId:\\d+}/reminders")
	@RateLimited(name = "onboarding-reminder", capacity = 60, per = "PT10M")
	ModelAndView remind(@PathVariable long userId, @ModelAttribute("filters") OnboardingFollowUpForm filters,
			Model model, RedirectAttributes redirect) {
		try {
			this.followUps.remind(userId);
			redirect.addFlashAttribute("reminded", 1);
			return new ModelAndView("redirect:" + filters.link());
		}
		catch (StateTransitionException ex) {
			return page(filters, false, ex.getMessage(), model);
		}
	}

	@PostMapping("/admin/onboarding/reminders")
	@RateLimited(name = "onboarding-reminder", capacity = 60, per = "PT10M")
	ModelAndView remindAll(@ModelAttribute("filters") OnboardingFollowUpForm filters, Model model,
			RedirectAttributes redirect) {
		try {
			OnboardingFollowUps.Reminders sent = this.followUps.remindAll(filters.toQuery());
			redirect.addFlashAttribute("reminded", sent.remindedUserIds().size());
			redirect.addFlashAttribute("skipped", sent.skipped());
			return new ModelAndView("redirect:" + filters.link());
		}
		catch (InvalidInputException ex) {
			return page(filters, false, null, model);
		}
	}

	private ModelAndView page(OnboardingFollowUpForm filters, boolean partial, String problem, Model model) {
		HttpStatus status = problem == null ? HttpStatus.OK : HttpStatus.CONFLICT;
		FieldErrors errors = FieldErrors.none();
		OnboardingFollowUps.Result result;
		try {
			result = this.followUps.unfinished(filters.toQuery());
		}
		catch (InvalidInputException ex) {
			errors = FieldErrors.of(ex);
			status = HttpStatus.BAD_REQUEST;
			result = new OnboardingFollowUps.Result(List.of(), 0, 1, OnboardingFollowUps.PAGE_SIZE);
		}
		model.addAttribute("result", result);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("roles", List.of("ADMIN", "COORDINATOR", "MENTOR", "MENTEE", "NEW_MOTHER"));
		if (partial) {
			return new ModelAndView("profile/partials/onboarding-people :: results", model.asMap(), status);
		}
		return new ModelAndView("profile/onboarding-people", model.asMap(), status);
	}

}
