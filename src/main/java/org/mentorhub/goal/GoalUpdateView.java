package org.mentorhub.goal;

import java.time.Instant;

/**
 * One dated progress update of a goal: who posted it, their note, and the progress and status it set.
 * @param notedById who posted it (null once that account is deleted)
 * @param note what they wrote, if anything
 */
public record GoalUpdateView(long id, Long notedById, String notedByName, String note, int progressPct,
		GoalStatus status, Instant createdAt) {
}
