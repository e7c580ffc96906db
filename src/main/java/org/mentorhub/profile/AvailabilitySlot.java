package org.mentorhub.profile;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One weekly slot in its owner's time zone: a day of the week and a start before its end, both on
 * that day (a slot never crosses midnight in its own zone; after conversion to another zone it may).
 */
public record AvailabilitySlot(DayOfWeek day, LocalTime start, LocalTime end) {

	/** The slot's length in minutes. */
	public long minutes() {
		return java.time.Duration.between(this.start, this.end).toMinutes();
	}

	/** Whether the two slots share a day and some time (touching ends do not overlap). */
	public boolean overlaps(AvailabilitySlot other) {
		return this.day == other.day && this.start.isBefore(other.end) && other.start.isBefore(this.end);
	}

}
