package org.mentorhub.profile.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.RateLimited;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the administrators' onboarding follow-up page. */
@RestController
@Tag(name = "Onboarding follow-up", description = "People who have not finished onboarding, and reminders to them. "
		+ "Administrators see their institution, coordinators their department; everyone else gets 403, and a "
		+ "person outside the caller's scope 404. A person is reminded by e-mail at most once in 24 hours "
		+ "(409 before); every reminder is audited.")
class OnboardingFollowUpRestController {

	private final OnboardingFollowUps followUps;

	OnboardingFollowUpRestController(OnboardingFollowUps followUps) {
		this.followUps = followUps;
	}

	@GetMapping("/api/v1/admin/onboarding")
	@Operation(summary = "List people who have not finished onboarding",
			description = "Active accounts only, by name, 20 a page. Filters: q (part of the name, e-mail or username), role (ADMIN, COORDINATOR, MENTOR, "
					+ "MENTEE, NEW_MOTHER), status (NOT_STARTED, IN_PROGRESS); an unknown value answers 400.")
	OnboardingFollowUps.Result list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page) {
		return this.followUps.unfinished(new OnboardingFollowUps.Query(q, role, status, page));
	}

	@PostMapping("/api/v1/admin/onboarding/{userId}/reminders")
	@RateLimited(name = "onboarding-reminder", capacity = 60, per = "PT10M")
	@Operation(summary = "Remind a person to finish onboarding",
			description = "Sends the reminder e-mail. 409 when they have finished, or were reminded less than 24 "
					+ "hours ago.")
	OnboardingFollowUps.Reminder remind(@PathVariable long userId) {
		return this.followUps.remind(userId);
	}

	@PostMapping("/api/v1/admin/onboarding/reminders")
	@RateLimited(name = "onboarding-reminder", capacity = 60, per = "PT10M")
	@Operation(summary = "Remind everyone on one page of the list",
			description = "Takes the list's filters and page; people reminded in the last 24 hours are skipped "
					+ "and counted.")
	OnboardingFollowUps.Reminders remindAll(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page) {
		return this.followUps.remindAll(new OnboardingFollowUps.Query(q, role, status, page));
	}

}
