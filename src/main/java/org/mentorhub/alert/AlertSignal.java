package org.mentorhub.alert;

/**
 * What a rule ({@link AlertRuleSweep}) reports about a student: {@link Alerts#raiseOrUpdate}
 * opens an alert for it, or updates the open one of the same student and {@code sourceRef} (such as
 * {@code rule:gpa-below}), so that a source never has two open cases for one student.
 */
public record AlertSignal(long studentId, AlertSeverity severity, AlertCategory category, String message,
		String sourceRef, Long raisedById) {
}
