package org.mentorhub.profile.onboarding;

import java.util.List;

import org.mentorhub.profile.AvailabilitySlotInput;
import org.mentorhub.profile.OnboardingAnswers;
import org.mentorhub.profile.OnboardingStep;
import org.mentorhub.profile.OnboardingStepView;
import org.mentorhub.profile.ProfileForm;
import org.mentorhub.profile.WeeklyAvailability;
import org.mentorhub.profile.availability.AvailabilityGrid;

/**
 * The form of one wizard page: the fields of every kind of step (a page sends only its own), the
 * ticked cells of the availability grid, and the button pressed ({@code save}, {@code skip} or
 * {@code finish}). Numbers come as text so that a typo is shown beside its field; unticked
 * checkboxes send nothing, so on the page they mean "no".
 */
record OnboardingForm(String title, String phone, String bio, String preferredCommunication, String goalsText,
		String interests, List<String> supportTopics, Boolean wantsMotherMentor, String supportNotes,
		String designation, String specialization, String maxMentees, Boolean acceptingNewMentees,
		Boolean supportsNewMothers, String zone, List<String> cells, String action) {

	static OnboardingForm of(OnboardingStepView view) {
		OnboardingAnswers a = view.answers();
		return new OnboardingForm(a.title(), a.phone(), a.bio(), a.preferredCommunication(), a.goalsText(),
				a.interests() == null ? null : String.join(", ", a.interests()), a.supportTopics(),
				a.wantsMotherMentor(), a.supportNotes(), a.designation(), a.specialization(),
				a.maxMentees() == null ? null : String.valueOf(a.maxMentees()), a.acceptingNewMentees(),
				a.supportsNewMothers(), a.zone(), null, null);
	}

	/** The answers for the step; the availability grid's cells become slots beside the current week. */
	OnboardingAnswers toAnswers(OnboardingStep step, WeeklyAvailability current) {
		List<AvailabilitySlotInput> slots = step == OnboardingStep.AVAILABILITY
				? AvailabilityGrid.slots(this.cells, current) : null;
		return new OnboardingAnswers(this.title, this.phone, this.bio, this.preferredCommunication, this.goalsText,
				ProfileForm.list(this.interests), this.supportTopics == null ? List.of() : this.supportTopics,
				Boolean.TRUE.equals(this.wantsMotherMentor), this.supportNotes, this.designation, this.specialization,
				step == OnboardingStep.MENTORING ? ProfileForm.number(this.maxMentees, "maxMentees") : null,
				Boolean.TRUE.equals(this.acceptingNewMentees), Boolean.TRUE.equals(this.supportsNewMothers), this.zone,
				slots);
	}

}
