package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.mentorhub.platform.InvalidInputException;

/** The milestone form: type, title, notes, date ({@code yyyy-MM-dd}, as a date input sends it) and the mentor choice. */
record MilestoneForm(String type, String title, String notes, String date, Boolean sharedWithMentor) {

	static final MilestoneForm EMPTY = new MilestoneForm("OTHER", "", "", "", false);

	static MilestoneForm of(MilestoneView m) {
		return new MilestoneForm(m.type().name(), m.title(), m.notes() == null ? "" : m.notes(), m.date().toString(),
				m.sharedWithMentor());
	}

	MilestoneInput input() {
		LocalDate day;
		try {
			day = this.date == null || this.date.isBlank() ? null : LocalDate.parse(this.date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("date", "Give the date as a date (yyyy-mm-dd).");
		}
		return new MilestoneInput(this.type, this.title, this.notes, day, this.sharedWithMentor);
	}

}
