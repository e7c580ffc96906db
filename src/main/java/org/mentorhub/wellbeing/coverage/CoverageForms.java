package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.mentorhub.platform.InvalidInputException;

/** The coverage pages' forms: dates arrive as {@code yyyy-MM-dd} text, people as id text. */
final class CoverageForms {

	private CoverageForms() {
	}

	/** The request form. */
	record RequestForm(String motherId, String proxyId, String startDate, String expectedEndDate, String notes) {

		static final RequestForm EMPTY = new RequestForm("", "", "", "", "");

		CoverageInput input() {
			return new CoverageInput(id("motherId", this.motherId), id("proxyId", this.proxyId),
					date("startDate", this.startDate), date("expectedEndDate", this.expectedEndDate), this.notes);
		}

	}

	/** The return form: the actual end date (today when empty) and the version the page showed. */
	record ReturnForm(String actualEndDate, Long version) {

		LocalDate date() {
			return CoverageForms.date("actualEndDate", this.actualEndDate);
		}

	}

	/** The settings form. */
	record SettingsForm(Boolean approvalRequired, String returnersGroupId, String returnPlan) {

		Long group() {
			return id("returnersGroupId", this.returnersGroupId);
		}

	}

	static Long id(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Choose a person from the list.");
		}
	}

	static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "Give the date as a date (yyyy-mm-dd).");
		}
	}

}
