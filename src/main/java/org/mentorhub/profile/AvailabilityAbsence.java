package org.mentorhub.profile;

import java.time.LocalDate;

/**
 * A dated exception to the weekly availability (a holiday, leave): every day from {@code startsOn}
 * to {@code endsOn}, both included, in the owner's time zone.
 */
public record AvailabilityAbsence(long id, LocalDate startsOn, LocalDate endsOn, String reason) {

	/** Whether the day is inside the absence. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

}
