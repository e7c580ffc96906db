package org.mentorhub.profile;

import java.time.Instant;
import java.util.List;

/**
 * A person's progress through their onboarding wizard.
 * @param status where they are
 * @param stepsDone how many steps are saved or skipped (the stored {@code onboarding_step})
 * @param currentStep the 1-based step to resume on
 * @param totalSteps how many steps their roles give them
 * @param completedAt when they finished, or null
 * @param steps the steps, in order (step {@code n} is {@code steps.get(n - 1)})
 */
public record OnboardingProgress(OnboardingStatus status, int stepsDone, int currentStep, int totalSteps,
		Instant completedAt, List<OnboardingStep> steps) {

	/** Whether they have finished. */
	public boolean completed() {
		return this.status == OnboardingStatus.COMPLETED;
	}

	/** Whether every step is done, so that they may finish. */
	public boolean readyToFinish() {
		return this.stepsDone >= this.totalSteps;
	}

}
