package org.mentorhub.profile.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.profile.AvailabilitySlot;
import org.mentorhub.profile.AvailabilitySlotInput;
import org.mentorhub.profile.WeeklyAvailability;

/**
 * The page's weekly grid: 7 days × 30-minute cells from 06:00 to 22:00. Turns ticked cells into
 * slots (adjacent cells of a day become one slot) and slots into ticked cells. Slots outside the
 * grid's hours (set through the API) are kept when the grid is saved.
 */
public final class AvailabilityGrid {

	static final LocalTime FIRST = LocalTime.of(6, 0);

	static final LocalTime LAST = LocalTime.of(22, 0);

	static final int CELL_MINUTES = 30;

	private AvailabilityGrid() {
	}

	/** The start times of the grid's rows. */
	public static List<LocalTime> rows() {
		List<LocalTime> rows = new ArrayList<>();
		for (LocalTime t = FIRST; t.isBefore(LAST); t = t.plusMinutes(CELL_MINUTES)) {
			rows.add(t);
		}
		return rows;
	}

	/** The cell key of a day and row start. */
	static String key(int day, LocalTime start) {
		return day + "-" + start;
	}

	/** The keys of the cells that the slots cover, wholly or partly. */
	public static Set<String> ticked(WeeklyAvailability week) {
		Set<String> keys = new TreeSet<>();
		for (AvailabilitySlot slot : week.slots()) {
			for (LocalTime row : rows()) {
				LocalTime rowEnd = row.plusMinutes(CELL_MINUTES);
				if (slot.start().isBefore(rowEnd) && row.isBefore(slot.end())) {
					keys.add(key(slot.day().getValue(), row));
				}
			}
		}
		return keys;
	}

	/**
	 * The slots of the ticked cells plus the parts of the current slots outside the grid's hours, as
	 * inputs for {@link WeeklyAvailability#parse}. An unknown cell key is refused.
	 */
	public static List<AvailabilitySlotInput> slots(List<String> cells, WeeklyAvailability current) {
		boolean[][] ticked = new boolean[8][rows().size()];
		List<LocalTime> rows = rows();
		for (String cell : cells == null ? List.<String>of() : cells) {
			int dash = cell == null ? -1 : cell.indexOf('-');
			int row = -1;
			int day = -1;
			if (dash > 0) {
				try {
					day = Integer.parseInt(cell.substring(0, dash));
					row = rows.indexOf(LocalTime.parse(cell.substring(dash + 1)));
				}
				catch (RuntimeException ex) {
					row = -1;
				}
			}
			if (day < 1 || day > 7 || row < 0) {
				throw new InvalidInputException("cells", "The grid sent an unknown cell.");
			}
			ticked[day][row] = true;
		}
		List<AvailabilitySlotInput> slots = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			int row = 0;
			while (row < rows.size()) {
				if (!ticked[day][row]) {
					row++;
					continue;
				}
				int first = row;
				while (row < rows.size() && ticked[day][row]) {
					row++;
				}
				slots.add(new AvailabilitySlotInput(day, rows.get(first).toString(),
						rows.get(first).plusMinutes((long) CELL_MINUTES * (row - first)).toString()));
			}
		}
		for (AvailabilitySlot slot : current.slots()) {
			int day = slot.day().getValue();
			if (slot.start().isBefore(FIRST)) {
				LocalTime end = slot.end().isBefore(FIRST) ? slot.end() : FIRST;
				slots.add(new AvailabilitySlotInput(day, slot.start().toString(), end.toString()));
			}
			if (slot.end().isAfter(LAST)) {
				LocalTime start = slot.start().isAfter(LAST) ? slot.start() : LAST;
				slots.add(new AvailabilitySlotInput(day, start.toString(), slot.end().toString()));
			}
		}
		return slots;
	}

	/** The grid's days, Monday first. */
	public static List<DayOfWeek> days() {
		return List.of(DayOfWeek.values());
	}

}
