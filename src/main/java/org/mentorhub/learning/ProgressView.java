package org.mentorhub.learning;

import java.time.Instant;

/**
 * One learner's progress on one path (seed 000 userLearningProgress).
 * @param pathId the path
 * @param pathTitle its title
 * @param category its category
 * @param learnerId who follows it
 * @param progressPct completed modules as a percentage of all, rounded down
 * @param completedModules how many modules they completed
 * @param moduleCount how many modules the path has
 * @param startedAt when they enrolled
 * @param completedAt when they completed every module, or null
 */
public record ProgressView(long pathId, String pathTitle, String category, long learnerId, int progressPct,
		int completedModules, int moduleCount, Instant startedAt, Instant completedAt) {

	public boolean completed() {
		return this.completedAt != null;
	}

}
