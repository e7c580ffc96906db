package org.mentorhub.profile;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;

/**
 * A person's weekly availability: slots in one time zone, sorted by day and start, none
 * overlapping another. It turns into concrete windows for any stretch of time, skipping the days
 * of absences, and it is what overlap and free-slot searches work on.
 */
public record WeeklyAvailability(ZoneId zone, List<AvailabilitySlot> slots) {

	/** At most this many slots a week (a full grid of 30-minute cells has 7 × 36). */
	public static final int MAX_SLOTS = 300;

	public WeeklyAvailability {
		slots = slots.stream()
			.sorted(Comparator.comparing(AvailabilitySlot::day).thenComparing(AvailabilitySlot::start))
			.toList();
	}

	/** No slots, in the zone. */
	public static WeeklyAvailability empty(ZoneId zone) {
		return new WeeklyAvailability(zone, List.of());
	}

	/**
	 * Checks submitted slots: a known time zone, days 1 to 7, times {@code HH:mm}, each slot starting
	 * before it ends, and no two slots of a day overlapping. Every problem is reported, by field
	 * ({@code zone}, {@code slots[2]}).
	 */
	public static WeeklyAvailability parse(String zone, List<AvailabilitySlotInput> inputs) {
		List<FieldProblem> problems = new ArrayList<>();
		ZoneId zoneId = null;
		if (zone == null || zone.isBlank()) {
			problems.add(new FieldProblem("zone", "Choose your time zone."));
		}
		else {
			try {
				zoneId = ZoneId.of(zone.trim());
			}
			catch (DateTimeException ex) {
				problems.add(new FieldProblem("zone", "\"" + abbreviate(zone) + "\" is not a known time zone; use a "
						+ "name such as Europe/London."));
			}
		}
		List<AvailabilitySlotInput> given = inputs == null ? List.of() : inputs;
		if (given.size() > MAX_SLOTS) {
			problems.add(new FieldProblem("slots", "At most " + MAX_SLOTS + " slots a week."));
			throw new InvalidInputException(problems);
		}
		List<AvailabilitySlot> slots = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			AvailabilitySlotInput input = given.get(i);
			String field = "slots[" + i + "]";
			if (input == null) {
				problems.add(new FieldProblem(field, "A slot needs a day, a start and an end."));
				continue;
			}
			if (input.day() == null || input.day() < 1 || input.day() > 7) {
				problems.add(new FieldProblem(field, "The day must be 1 (Monday) to 7 (Sunday)."));
				continue;
			}
			LocalTime start = time(input.start());
			LocalTime end = time(input.end());
			if (start == null || end == null) {
				problems.add(new FieldProblem(field, "Start and end must be times such as 09:00."));
				continue;
			}
			if (start.equals(end)) {
				problems.add(new FieldProblem(field, "The slot on " + DayOfWeek.of(input.day()) + " at " + start
						+ " is empty: its end must be after its start."));
				continue;
			}
			if (end.isBefore(start)) {
				problems.add(new FieldProblem(field, "The slot on " + DayOfWeek.of(input.day()) + " ends (" + end
						+ ") before it starts (" + start + ")."));
				continue;
			}
			AvailabilitySlot slot = new AvailabilitySlot(DayOfWeek.of(input.day()), start, end);
			for (AvailabilitySlot earlier : slots) {
				if (earlier.overlaps(slot)) {
					problems.add(new FieldProblem(field, "The slot " + slot.start() + "–" + slot.end() + " on "
							+ slot.day() + " overlaps " + earlier.start() + "–" + earlier.end() + "."));
					break;
				}
			}
			slots.add(slot);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new WeeklyAvailability(zoneId, slots);
	}

	/**
	 * A fingerprint of the week (zone and slots, in order): it changes whenever the week does, so a
	 * client that sends back the version it read learns when someone else saved in between.
	 */
	public String version() {
		StringBuilder text = new StringBuilder(this.zone.getId());
		this.slots.stream()
			.map(s -> s.day().getValue() + "@" + s.start() + "-" + s.end())
			.sorted()
			.forEach(s -> text.append('|').append(s));
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Minutes available in a week, in the owner's own zone. */
	public long weeklyMinutes() {
		return this.slots.stream().mapToLong(AvailabilitySlot::minutes).sum();
	}

	/**
	 * The concrete windows between two instants (clipped to them), skipping every day that an
	 * absence covers, merged where they touch, in order.
	 */
	public List<AvailabilityWindow> windows(Instant from, Instant to, List<AvailabilityAbsence> absences) {
		List<AvailabilityWindow> windows = new ArrayList<>();
		if (!from.isBefore(to) || this.slots.isEmpty()) {
			return windows;
		}
		LocalDate day = from.atZone(this.zone).toLocalDate().minusDays(1);
		LocalDate last = to.atZone(this.zone).toLocalDate().plusDays(1);
		for (; !day.isAfter(last); day = day.plusDays(1)) {
			LocalDate date = day;
			if (absences.stream().anyMatch(a -> a.covers(date))) {
				continue;
			}
			for (AvailabilitySlot slot : this.slots) {
				if (slot.day() != date.getDayOfWeek()) {
					continue;
				}
				// atZone resolves a start in a DST gap forwards and an overlap to the earlier offset.
				Instant start = date.atTime(slot.start()).atZone(this.zone).toInstant();
				Instant end = date.atTime(slot.end()).atZone(this.zone).toInstant();
				Instant clippedStart = start.isBefore(from) ? from : start;
				Instant clippedEnd = end.isAfter(to) ? to : end;
				if (clippedStart.isBefore(clippedEnd)) {
					windows.add(new AvailabilityWindow(clippedStart, clippedEnd));
				}
			}
		}
		return merge(windows);
	}

	/** The parts of time that both lists of windows cover, in order. */
	public static List<AvailabilityWindow> intersect(List<AvailabilityWindow> a, List<AvailabilityWindow> b) {
		List<AvailabilityWindow> left = merge(a);
		List<AvailabilityWindow> right = merge(b);
		List<AvailabilityWindow> both = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < left.size() && j < right.size()) {
			AvailabilityWindow x = left.get(i);
			AvailabilityWindow y = right.get(j);
			Instant start = x.start().isAfter(y.start()) ? x.start() : y.start();
			Instant end = x.end().isBefore(y.end()) ? x.end() : y.end();
			if (start.isBefore(end)) {
				both.add(new AvailabilityWindow(start, end));
			}
			if (x.end().isBefore(y.end())) {
				i++;
			}
			else {
				j++;
			}
		}
		return both;
	}

	static List<AvailabilityWindow> merge(List<AvailabilityWindow> windows) {
		List<AvailabilityWindow> sorted = new ArrayList<>(windows);
		sorted.sort(Comparator.comparing(AvailabilityWindow::start));
		List<AvailabilityWindow> merged = new ArrayList<>();
		for (AvailabilityWindow window : sorted) {
			if (!merged.isEmpty() && !merged.get(merged.size() - 1).end().isBefore(window.start())) {
				AvailabilityWindow previous = merged.remove(merged.size() - 1);
				Instant end = previous.end().isAfter(window.end()) ? previous.end() : window.end();
				merged.add(new AvailabilityWindow(previous.start(), end));
			}
			else {
				merged.add(window);
			}
		}
		return merged;
	}

	private static LocalTime time(String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String abbreviate(String text) {
		String trimmed = text.strip();
		return trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed;
	}

}
