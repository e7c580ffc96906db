package org.mentorhub.profile;

/** Where a person is in the onboarding wizard. */
public enum OnboardingStatus {

	/** Nothing saved or skipped yet. */
	NOT_STARTED,
	/** At least one step saved or skipped, not finished. */
	IN_PROGRESS,
	/** Finished; {@code onboarding_completed_at} says when. */
	COMPLETED

}
