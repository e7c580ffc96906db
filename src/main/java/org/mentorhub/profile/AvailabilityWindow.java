package org.mentorhub.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A stretch of time, from {@code start} (included) to {@code end} (excluded), as instants. */
public record AvailabilityWindow(Instant start, Instant end) {

	public AvailabilityWindow {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("A window starts before it ends");
		}
	}

	/** The window's length. */
	public Duration length() {
		return Duration.between(this.start, this.end);
	}

	/** The window's start as seen in the zone. */
	public ZonedDateTime startIn(ZoneId zone) {
		return this.start.atZone(zone);
	}

	/** The window's end as seen in the zone. */
	public ZonedDateTime endIn(ZoneId zone) {
		return this.end.atZone(zone);
	}

}
