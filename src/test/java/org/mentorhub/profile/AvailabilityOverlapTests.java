package org.mentorhub.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.profile.availability.AvailabilityGrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvailabilityOverlapTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static WeeklyAvailability week(String zone, AvailabilitySlotInput... slots) {
		return WeeklyAvailability.parse(zone, List.of(slots));
	}

	static AvailabilitySlotInput slot(int day, String start, String end) {
		return new AvailabilitySlotInput(day, start, end);
	}

	@Test
	void londonAfternoonMeetsNewYorkMorningInAnOrdinaryWeek() {
		// 2026-01-12 is a Monday; London is UTC+0 and New York UTC-5.
		WeeklyAvailability london = week("Europe/London", slot(1, "13:00", "17:00"));
		WeeklyAvailability newYork = week("America/New_York", slot(1, "09:00", "11:00"));

		AvailabilityOverlap.WeeklyOverlap overlap = AvailabilityOverlap.weekly(london, newYork, LocalDate.of(2026, 1, 14));

		assertThat(overlap.minutes()).isEqualTo(120);
		assertThat(overlap.windows()).singleElement().satisfies(w -> {
			assertThat(w.startIn(LONDON).toLocalTime()).hasToString("14:00");
			assertThat(w.endIn(NEW_YORK).toLocalTime()).hasToString("11:00");
		});
	}

	@Test
	void theGapBetweenDaylightSavingChangesShiftsTheOverlap() {
		// 2026-03-09: New York is already on summer time (UTC-4), London not yet (UTC+0): 4 hours apart.
		WeeklyAvailability london = week("Europe/London", slot(1, "13:00", "17:00"));
		WeeklyAvailability newYork = week("America/New_York", slot(1, "09:00", "11:00"));

		AvailabilityOverlap.WeeklyOverlap overlap = AvailabilityOverlap.weekly(london, newYork, LocalDate.of(2026, 3, 9));

		assertThat(overlap.minutes()).isEqualTo(120);
		assertThat(overlap.windows().get(0).startIn(LONDON).toLocalTime()).hasToString("13:00");
		assertThat(overlap.windows().get(0).endIn(LONDON).toLocalTime()).hasToString("15:00");
	}

	@Test
	void aSlotThatCrossesMidnightAfterConversionCountsOnBothDays() {
		// Tokyo Tuesday 08:00–10:00 is New York Monday 18:00–20:00 (UTC-5 and UTC+9 in January).
		WeeklyAvailability tokyo = week("Asia/Tokyo", slot(2, "08:00", "10:00"));
		WeeklyAvailability newYork = week("America/New_York", slot(1, "19:00", "23:00"));

		AvailabilityOverlap.WeeklyOverlap overlap = AvailabilityOverlap.weekly(newYork, tokyo, LocalDate.of(2026, 1, 12));

		assertThat(overlap.minutes()).isEqualTo(60);
		ZonedDateTime start = overlap.windows().get(0).startIn(TOKYO);
		assertThat(start.getDayOfWeek().getValue()).isEqualTo(2);
		assertThat(start.toLocalTime()).hasToString("09:00");
		assertThat(overlap.windows().get(0).startIn(NEW_YORK).getDayOfWeek().getValue()).isEqualTo(1);
	}

	@Test
	void peopleWithoutCommonTimeHaveNoOverlap() {
		WeeklyAvailability a = week("Europe/London", slot(1, "09:00", "10:00"));
		WeeklyAvailability b = week("Europe/London", slot(1, "10:00", "11:00"), slot(2, "09:00", "10:00"));

		assertThat(AvailabilityOverlap.weekly(a, b, LocalDate.of(2026, 1, 12)).minutes()).isZero();
		assertThat(AvailabilityOverlap.weekly(a, WeeklyAvailability.empty(LONDON), LocalDate.of(2026, 1, 12))
			.windows()).isEmpty();
	}

	@Test
	void freeSlotsSkipAbsencesAndWindowsShorterThanTheMeeting() {
		WeeklyAvailability london = week("Europe/London", slot(1, "09:00", "12:00"), slot(3, "09:00", "09:30"));
		WeeklyAvailability other = week("Europe/London", slot(1, "10:00", "17:00"), slot(3, "09:00", "17:00"));
		Instant from = LocalDate.of(2026, 1, 12).atStartOfDay(LONDON).toInstant();
		Instant to = LocalDate.of(2026, 1, 26).atStartOfDay(LONDON).toInstant();
		List<AvailabilityAbsence> holiday = List
			.of(new AvailabilityAbsence(1, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 23), "Holiday"));

		List<AvailabilityWindow> free = AvailabilityOverlap.freeSlots(london, holiday, other, List.of(), from, to,
				Duration.ofMinutes(60));

		// Monday 12 January 10:00–12:00 only: Wednesday's half hour is too short, the next week is leave.
		assertThat(free).singleElement().satisfies(w -> {
			assertThat(w.startIn(LONDON)).isEqualTo(ZonedDateTime.of(2026, 1, 12, 10, 0, 0, 0, LONDON));
			assertThat(w.length()).isEqualTo(Duration.ofHours(2));
		});
	}

	@Test
	void freeSlotsAreClippedToTheRequestedPeriod() {
		WeeklyAvailability a = week("UTC", slot(1, "09:00", "12:00"));
		Instant from = ZonedDateTime.of(2026, 1, 12, 10, 30, 0, 0, ZoneId.of("UTC")).toInstant();
		Instant to = ZonedDateTime.of(2026, 1, 12, 23, 0, 0, 0, ZoneId.of("UTC")).toInstant();

		assertThat(AvailabilityOverlap.freeSlots(a, List.of(), a, List.of(), from, to, Duration.ofMinutes(30)))
			.singleElement()
			.satisfies(w -> assertThat(w.length()).isEqualTo(Duration.ofMinutes(90)));
	}

	@Test
	void anInvertedSlotIsRefusedWithItsField() {
		assertThatThrownBy(() -> week("Europe/London", slot(1, "09:00", "10:00"), slot(2, "12:00", "11:00")))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
				.singleElement()
				.satisfies(p -> {
					assertThat(p.field()).isEqualTo("slots[1]");
					assertThat(p.message()).contains("ends (11:00) before it starts (12:00)");
				}));
	}

	@Test
	void aZeroLengthSlotIsRefused() {
		assertThatThrownBy(() -> week("UTC", slot(1, "09:00", "09:00"))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("empty");
	}

	@Test
	void overlappingSlotsOfOneDayAreRefusedButTouchingOnesAreFine() {
		assertThatThrownBy(() -> week("UTC", slot(1, "09:00", "11:00"), slot(1, "10:30", "12:00")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("overlaps 09:00–11:00");
		assertThat(week("UTC", slot(1, "09:00", "11:00"), slot(1, "11:00", "12:00")).weeklyMinutes()).isEqualTo(180);
	}

	@Test
	void anUnknownTimeZoneOrDayIsRefused() {
		assertThatThrownBy(() -> week("Mars/Olympus_Mons", slot(1, "09:00", "10:00")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactly("zone"));
		assertThatThrownBy(() -> week("UTC", slot(8, "09:00", "10:00"))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("1 (Monday) to 7 (Sunday)");
	}

	@Test
	void gridCellsBecomeSlotsAndSlotsOutsideTheGridAreKept() {
		WeeklyAvailability current = week("UTC", slot(2, "05:00", "07:00"), slot(3, "21:00", "23:00"));

		List<AvailabilitySlotInput> slots = AvailabilityGrid.slots(List.of("1-09:00", "1-09:30", "1-11:00"), current);

		assertThat(slots).containsExactly(slot(1, "09:00", "10:00"), slot(1, "11:00", "11:30"), slot(2, "05:00", "06:00"),
				slot(3, "22:00", "23:00"));
		assertThat(AvailabilityGrid.ticked(current)).contains("2-06:00", "2-06:30", "3-21:00", "3-21:30")
			.doesNotContain("2-07:00");
	}

}
