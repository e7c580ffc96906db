package org.mentorhub.profile;

/**
 * One step of the caller's wizard with what is stored for it now.
 * @param number 1-based
 * @param answers the stored values of this step's fields (the others are null)
 * @param student the student's record, for {@code ACADEMIC} (null otherwise)
 * @param mentor the mentor part, for {@code MENTORING} (null otherwise, or before it exists)
 * @param week the weekly availability, for {@code AVAILABILITY} (null otherwise)
 */
public record OnboardingStepView(int number, OnboardingStep step, OnboardingProgress progress,
		OnboardingAnswers answers, ProfileView.Student student, ProfileView.Mentor mentor, WeeklyAvailability week) {
}
