package org.mentorhub.profile.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mentorhub.profile.UtcWeek;

/**
 * Weekly availability as UTC minutes of the week (0 = Monday 00:00 UTC, {@value #WEEK} minutes), so
 * that slots kept in different time zones can be compared. A slot is placed in the week of the given
 * reference date, so daylight saving time is that of the current week. A slot that crosses the end of
 * the UTC week is split in two.
 */
final class DirectoryOverlap {

	static final int WEEK = UtcWeek.MINUTES;

	/** A slot as stored: ISO day of week (1 = Monday), local start and end, and its zone. */
	record Slot(int dayOfWeek, LocalTime start, LocalTime end, String timeZone) {
	}

	/** A half-open range of UTC minutes of the week. */
	record Range(int from, int to) {
	}

	private DirectoryOverlap() {
	}

	/** The slots as merged, sorted UTC ranges. An unknown zone counts as UTC. */
	static List<Range> toUtc(List<Slot> slots, LocalDate reference) {
		LocalDate monday = reference.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Range> ranges = new ArrayList<>();
		for (Slot slot : slots) {
			for (int[] r : UtcWeek.ranges(monday, slot.dayOfWeek(), slot.start(), slot.end(), slot.timeZone())) {
				ranges.add(new Range(r[0], r[1]));
			}
		}
		return merge(ranges);
	}

	static List<Range> merge(List<Range> ranges) {
		List<Range> sorted = new ArrayList<>(ranges);
		sorted.sort(Comparator.comparingInt(Range::from));
		List<Range> merged = new ArrayList<>();
		for (Range range : sorted) {
			if (!merged.isEmpty() && merged.get(merged.size() - 1).to() >= range.from()) {
				Range last = merged.remove(merged.size() - 1);
				merged.add(new Range(last.from(), Math.max(last.to(), range.to())));
			}
			else {
				merged.add(range);
			}
		}
		return merged;
	}

	/** Minutes both merged, sorted range lists cover. */
	static int minutes(List<Range> a, List<Range> b) {
		int total = 0;
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			Range x = a.get(i);
			Range y = b.get(j);
			int from = Math.max(x.from(), y.from());
			int to = Math.min(x.to(), y.to());
			if (from < to) {
				total += to - from;
			}
			if (x.to() < y.to()) {
				i++;
			}
			else {
				j++;
			}
		}
		return total;
	}

}
