package org.mentorhub.goal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.mentorhub.platform.InvalidInputException;

/**
 * The new-goal form: whose goal (empty for the caller's own), title, category, description, target
 * date ({@code yyyy-MM-dd}, as a date input sends it), status, progress and mentorship.
 */
record GoalForm(Long studentId, String title, String category, String description, String targetDate, String status,
		Integer progressPct, Long mentorshipId) {

	static final GoalForm EMPTY = new GoalForm(null, "", "OTHER", "", "", "", null, null);

	GoalInput input() {
		LocalDate target;
		try {
			target = this.targetDate == null || this.targetDate.isBlank() ? null : LocalDate.parse(this.targetDate.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("targetDate", "Give the target date as a date (yyyy-mm-dd).");
		}
		return new GoalInput(this.studentId, this.title, this.category, this.description, target, this.status,
				this.progressPct, this.mentorshipId);
	}

}
