package org.mentorhub.profile;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Weekly availability slots as minutes of a UTC week (0 = Monday 00:00 UTC, {@value #MINUTES}
 * minutes), so that slots kept in different time zones can be compared: the directory's overlap and
 * matching's week bitsets both place slots with this one conversion.
 */
public final class UtcWeek {

	/** Minutes in a week. */
	public static final int MINUTES = 7 * 24 * 60;

	private UtcWeek() {
	}

	/**
	 * A local weekly slot placed in the week starting on {@code monday} (so daylight saving time is that
	 * of this week), as half-open ranges {@code {from, to}} of UTC minutes of the week: one range, or two
	 * when the slot crosses the end of the UTC week; none for an empty or inverted slot. An unknown zone
	 * counts as UTC.
	 */
	public static List<int[]> ranges(LocalDate monday, int dayOfWeek, LocalTime start, LocalTime end, String timeZone) {
		ZoneId zone;
		try {
			zone = ZoneId.of(timeZone);
		}
		catch (DateTimeException | NullPointerException ex) {
			zone = ZoneOffset.UTC;
		}
		ZonedDateTime weekStart = monday.atStartOfDay(ZoneOffset.UTC);
		LocalDate day = monday.plusDays(Math.floorMod(dayOfWeek - 1, 7));
		ZonedDateTime from = ZonedDateTime.of(day, start, zone);
		ZonedDateTime to = ZonedDateTime.of(day, end, zone);
		int length = (int) Duration.between(from, to).toMinutes();
		if (length <= 0) {
			return List.of();
		}
		int first = Math.floorMod((int) Duration.between(weekStart, from).toMinutes(), MINUTES);
		int last = first + Math.min(length, MINUTES);
		if (last <= MINUTES) {
			return List.<int[]>of(new int[] { first, last });
		}
		return List.of(new int[] { first, MINUTES }, new int[] { 0, last - MINUTES });
	}

}
