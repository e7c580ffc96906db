package org.mentorhub.profile;

import java.math.BigDecimal;

import org.mentorhub.platform.InvalidInputException;

/** The academic record form on a student's page (coordinators and administrators). */
record AcademicForm(String rollNumber, String gpa, String attendancePct, String riskLevel) {

	AcademicChanges toChanges() {
		return new AcademicChanges(this.rollNumber, decimal(this.gpa, "gpa"), decimal(this.attendancePct, "attendancePct"),
				this.riskLevel);
	}

	private static BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Enter a number such as 3.25.");
		}
	}

}
