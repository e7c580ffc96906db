package org.mentorhub.profile;

import java.time.Instant;

/**
 * A student's academic record (GPA, attendance or risk level) changed, by hand or by an academic import
 * ({@code importId}, null by hand): for the alert rules, which read the values again in a batch.
 */
public record AcademicRecordChanged(long studentId, Long importId, Instant at) {
}
