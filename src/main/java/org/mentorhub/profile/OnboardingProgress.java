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

	/**
	 * The progress of someone with this status and this many stored steps through these steps (a
	 * stored count beyond the steps counts as all done).
	 */
	public static OnboardingProgress of(OnboardingStatus status, int stored, List<OnboardingStep> steps,
			Instant completedAt) {
		int total = steps.size();
		int done = Math.min(stored, total);
		int current = status == OnboardingStatus.COMPLETED ? total : Math.min(done + 1, total);
		return new OnboardingProgress(status, done, current, total, completedAt, steps);
	}

	/** Whether they have finished. */
	public boolean completed() {
		return this.status == OnboardingStatus.COMPLETED;
	}

	/** Whether every step is done, so that they may finish. */
	public boolean readyToFinish() {
		return this.stepsDone >= this.totalSteps;
	}

}
