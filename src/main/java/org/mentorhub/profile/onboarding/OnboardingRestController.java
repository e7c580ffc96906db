package org.mentorhub.profile.onboarding;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.profile.AvailabilitySlotInput;
import org.mentorhub.profile.Onboarding;
import org.mentorhub.profile.OnboardingAnswers;
import org.mentorhub.profile.OnboardingProgress;
import org.mentorhub.profile.OnboardingStep;
import org.mentorhub.profile.OnboardingStepView;
import org.mentorhub.profile.ProfileView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the onboarding wizard: the caller's own onboarding only. */
@RestController
@Tag(name = "Onboarding", description = "The caller's onboarding wizard. Its steps follow from the caller's roles: "
		+ "ABOUT for everyone; GOALS for mentees, students and new mothers; ACADEMIC (read only) for students; "
		+ "SUPPORT for new mothers; MENTORING and AVAILABILITY for mentors. Steps are numbered from 1 in that order. "
		+ "Saving or skipping a step marks it done (the first one moves NOT_STARTED to IN_PROGRESS); once every "
		+ "step is done the wizard can be completed. Nobody can read or change another person's onboarding; the "
		+ "platform administrator has no wizard (403).")
class OnboardingRestController {

	private final Onboarding onboarding;

	OnboardingRestController(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	@GetMapping("/api/v1/onboarding/me")
	@Operation(summary = "Read my onboarding progress",
			description = "Status, steps done, the step to resume on (currentStep), the steps in order and when "
					+ "it was completed.")
	OnboardingProgress mine() {
		return this.onboarding.progress();
	}

	@GetMapping("/api/v1/onboarding/me/steps/{step}")
	@Operation(summary = "Read one step of my wizard with its stored values",
			description = "404 for a step number the caller's wizard does not have.")
	StepResponse step(@PathVariable int step) {
		OnboardingStepView view = this.onboarding.step(step);
		return new StepResponse(view.number(), view.step(), view.progress(), view.answers(), view.student(),
				view.mentor());
	}

	@PutMapping("/api/v1/onboarding/me/steps/{step}")
	@Operation(summary = "Save one step of my wizard",
			description = "Only the step's own fields are read (ABOUT: title, phone, bio, preferredCommunication; "
					+ "GOALS: goalsText, interests; ACADEMIC: none; SUPPORT: supportTopics, wantsMotherMentor, "
					+ "supportNotes; MENTORING: designation, specialization, maxMentees, acceptingNewMentees, "
					+ "supportsNewMothers; AVAILABILITY: zone, slots). Absent texts and lists are cleared, absent "
					+ "capacity and yes/no answers stay. Bad values answer 400 with the fields and nothing is "
					+ "written (a capacity below the current mentee count is refused); an unknown step 404.")
	OnboardingProgress save(@PathVariable int step, @RequestBody StepRequest request) {
		return this.onboarding.saveStep(step, request.toAnswers());
	}

	@PostMapping("/api/v1/onboarding/me/steps/{step}/skip")
	@Operation(summary = "Skip one step of my wizard", description = "Marks it done without saving anything.")
	OnboardingProgress skip(@PathVariable int step) {
		return this.onboarding.skipStep(step);
	}

	@PostMapping("/api/v1/onboarding/me/complete")
	@Operation(summary = "Finish my onboarding",
			description = "Sets status COMPLETED and completedAt. 409 while a step is neither saved nor skipped; "
					+ "finishing again changes nothing.")
	OnboardingProgress complete() {
		return this.onboarding.complete();
	}

	/** The values of one step; see the operation for which fields each step reads. */
	record StepRequest(String title, String phone, String bio,
			@Schema(allowableValues = { "EMAIL", "CHAT", "VIDEO", "PHONE", "IN_PERSON" }) String preferredCommunication,
			String goalsText, List<String> interests,
			@Schema(description = "RETURN_TO_WORK, FLEXIBLE_WORK, CHILDCARE, LEAVE_COVER, PEER_GROUPS, WELLBEING, "
					+ "CAREER_GROWTH") List<String> supportTopics,
			Boolean wantsMotherMentor, @Schema(maxLength = 500) String supportNotes, String designation,
			String specialization, @Schema(minimum = "0", maximum = "100") Integer maxMentees,
			Boolean acceptingNewMentees, Boolean supportsNewMothers, @Schema(example = "Europe/London") String zone,
			List<AvailabilitySlotInput> slots) {

		OnboardingAnswers toAnswers() {
			return new OnboardingAnswers(this.title, this.phone, this.bio, this.preferredCommunication,
					this.goalsText, this.interests, this.supportTopics, this.wantsMotherMentor, this.supportNotes,
					this.designation, this.specialization, this.maxMentees, this.acceptingNewMentees,
					this.supportsNewMothers, this.zone, this.slots);
		}

	}

	/** One step with its stored values; {@code student} for ACADEMIC, {@code mentor} for MENTORING. */
	record StepResponse(int number, OnboardingStep step, OnboardingProgress progress, OnboardingAnswers answers,
			ProfileView.Student student, ProfileView.Mentor mentor) {
	}

}
