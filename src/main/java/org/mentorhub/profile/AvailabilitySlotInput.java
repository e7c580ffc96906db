package org.mentorhub.profile;

/**
 * A weekly slot as submitted, not yet checked: the day 1 (Monday) to 7 (Sunday), start and end as
 * {@code HH:mm}. {@link WeeklyAvailability#parse} checks it.
 */
public record AvailabilitySlotInput(Integer day, String start, String end) {
}
