package org.mentorhub.profile;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When two people are both available: the weekly overlap for matching and the free windows for
 * scheduling. Zones are converted through instants, so a slot that crosses midnight after
 * conversion, or a week with a daylight-saving change, is counted as it really falls. It checks no
 * access: callers (matching, scheduling) decide who may compare whom.
 */
@Service
public class AvailabilityOverlap {

	/** The overlap of two weekly availabilities in one week. */
	public record WeeklyOverlap(long minutes, List<AvailabilityWindow> windows) {
	}

	private final Availabilities availabilities;

	AvailabilityOverlap(Availabilities availabilities) {
		this.availabilities = availabilities;
	}

	/**
	 * The weekly overlap of two people in the week (Monday to Sunday, UTC) that contains the day,
	 * ignoring absences: a property of their regular weeks, for matching.
	 */
	@Transactional(readOnly = true)
	public WeeklyOverlap weekly(long userA, long userB, LocalDate weekOf) {
		return weekly(this.availabilities.weekOf(userA), this.availabilities.weekOf(userB), weekOf);
	}

	/**
	 * The windows from {@code from} to {@code to} in which both people are available for at least
	 * {@code duration}, honouring both people's absences: for scheduling.
	 */
	@Transactional(readOnly = true)
	public List<AvailabilityWindow> freeSlots(long userA, long userB, Instant from, Instant to, Duration duration) {
		return freeSlots(this.availabilities.weekOf(userA), this.availabilities.absencesOf(userA),
				this.availabilities.weekOf(userB), this.availabilities.absencesOf(userB), from, to, duration);
	}

	/** {@link #weekly(long, long, LocalDate)} on given availabilities. */
	public static WeeklyOverlap weekly(WeeklyAvailability a, WeeklyAvailability b, LocalDate weekOf) {
		LocalDate monday = weekOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Instant from = monday.atStartOfDay(ZoneId.of("UTC")).toInstant();
		Instant to = monday.plusDays(7).atStartOfDay(ZoneId.of("UTC")).toInstant();
		List<AvailabilityWindow> both = WeeklyAvailability.intersect(a.windows(from, to, List.of()),
				b.windows(from, to, List.of()));
		long minutes = both.stream().mapToLong(w -> w.length().toMinutes()).sum();
		return new WeeklyOverlap(minutes, both);
	}

	/** {@link #freeSlots(long, long, Instant, Instant, Duration)} on given availabilities. */
	public static List<AvailabilityWindow> freeSlots(WeeklyAvailability a, List<AvailabilityAbsence> absencesA,
			WeeklyAvailability b, List<AvailabilityAbsence> absencesB, Instant from, Instant to, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("A meeting lasts a positive time");
		}
		return WeeklyAvailability.intersect(a.windows(from, to, absencesA), b.windows(from, to, absencesB))
			.stream()
			.filter(w -> w.length().compareTo(duration) >= 0)
			.toList();
	}

}
