package org.mentorhub.profile.onboarding;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.profile.Availabilities;
import org.mentorhub.profile.Onboarding;
import org.mentorhub.profile.OnboardingProgress;
import org.mentorhub.profile.OnboardingStepView;
import org.mentorhub.profile.PreferredCommunication;
import org.mentorhub.profile.SupportTopic;
import org.mentorhub.profile.availability.AvailabilityGrid;
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
 * The onboarding wizard: {@code /onboarding} resumes on the first step not yet done (or shows that
 * everything is done), {@code /onboarding/{step}} shows one step, and posting it saves, skips or (on
 * the last step) saves and finishes. Every page works without JavaScript; the availability step
 * reuses the grid of the availability page and its click-and-drag script.
 */
@Controller
class OnboardingPageController {

	private final Onboarding onboarding;

	private final Availabilities availabilities;

	OnboardingPageController(Onboarding onboarding, Availabilities availabilities) {
		this.onboarding = onboarding;
		this.availabilities = availabilities;
	}

	@GetMapping("/onboarding")
	ModelAndView resume(Model model) {
		OnboardingProgress progress = this.onboarding.progress();
		if (!progress.completed()) {
			return new ModelAndView("redirect:/onboarding/" + progress.currentStep());
		}
		model.addAttribute("progress", progress);
		return new ModelAndView("profile/onboarding-done", model.asMap(), HttpStatus.OK);
	}

	@GetMapping("/onboarding/{step:\\d+}")
	ModelAndView step(@PathVariable int step, Model model) {
		OnboardingStepView view = this.onboarding.step(step);
		return page(model, view, OnboardingForm.of(view), null, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/onboarding/{step:\\d+}")
	ModelAndView save(@PathVariable int step, @ModelAttribute OnboardingForm form, Model model,
			RedirectAttributes redirect) {
		OnboardingStepView view = this.onboarding.step(step);
		String action = form.action() == null ? "save" : form.action();
		try {
			OnboardingProgress progress = action.equals("skip") || action.equals("skip-finish")
					? this.onboarding.skipStep(step)
					: this.onboarding.saveStep(step, form.toAnswers(view.step(), this.availabilities.mine()));
			if (action.equals("finish") || action.equals("skip-finish")) {
				this.onboarding.complete();
				redirect.addFlashAttribute("finished", true);
				return new ModelAndView("redirect:/onboarding");
			}
			redirect.addFlashAttribute("saved", !action.equals("skip"));
			int next = Math.min(step + 1, progress.totalSteps());
			return new ModelAndView("redirect:/onboarding/" + next);
		}
		catch (InvalidInputException ex) {
			return page(model, view, form, null, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			OnboardingStepView current = this.onboarding.step(step);
			return page(model, current, OnboardingForm.of(current), ex.getMessage(), FieldErrors.none(),
					HttpStatus.CONFLICT);
		}
	}

	private ModelAndView page(Model model, OnboardingStepView view, OnboardingForm form, String problem,
			FieldErrors errors, HttpStatus status) {
		model.addAttribute("view", view);
		model.addAttribute("progress", view.progress());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("last", view.number() == view.progress().totalSteps());
		switch (view.step()) {
			case ABOUT -> model.addAttribute("communications", PreferredCommunication.values());
			case SUPPORT -> model.addAttribute("topics", SupportTopic.values());
			case AVAILABILITY -> {
				Set<String> ticked = form.cells() != null ? new TreeSet<>(form.cells())
						: AvailabilityGrid.ticked(view.week());
				model.addAttribute("ticked", ticked);
				model.addAttribute("zone", form.zone() == null ? view.week().zone().getId() : form.zone());
				model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
				model.addAttribute("rows", AvailabilityGrid.rows().stream().map(LocalTime::toString).toList());
				model.addAttribute("days", AvailabilityGrid.days());
			}
			default -> {
			}
		}
		return new ModelAndView("profile/onboarding-step", model.asMap(), status);
	}

}
