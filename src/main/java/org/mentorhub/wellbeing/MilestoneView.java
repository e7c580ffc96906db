package org.mentorhub.wellbeing;

import java.time.LocalDate;

/**
 * One milestone as its owner, or a mentor she shares it with, sees it.
 * @param ownerId the new mother whose milestone it is
 * @param ownerName her name
 * @param sharedWithMentor whether her active mentors may see it
 * @param mine whether the viewer is the owner (who alone may change it)
 */
public record MilestoneView(long id, long ownerId, String ownerName, MilestoneType type, String title, String notes,
		LocalDate date, boolean sharedWithMentor, boolean mine) {
}
