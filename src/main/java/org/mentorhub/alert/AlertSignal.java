package org.mentorhub.alert;

/**
 * What a rule (issue 16 part 2, not built yet) reports about a student: {@link Alerts#raiseOrUpdate}
 * opens an alert for it, or updates the open one of the same student and {@code sourceRef} (such as
 * {@code rule:gpa-below-2.8}), so that a source never has two open cases for one student.
 */
public record AlertSignal(long studentId, AlertSeverity severity, AlertCategory category, String message,
		String sourceRef, Long raisedById) {
}
