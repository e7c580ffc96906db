package org.mentorhub.wellbeing;

import java.time.LocalDate;

/**
 * A new or changed milestone as a page or the API sends it.
 * @param type a {@link MilestoneType} name
 * @param date within {@link Milestones#MAX_YEARS} years of today (the owner's zone)
 * @param sharedWithMentor whether her active mentors may see it; null for no
 */
public record MilestoneInput(String type, String title, String notes, LocalDate date, Boolean sharedWithMentor) {
}
