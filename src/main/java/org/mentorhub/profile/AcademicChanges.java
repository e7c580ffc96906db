package org.mentorhub.profile;

import java.math.BigDecimal;

/**
 * A student's academic record as a coordinator or administrator sets it. A null roll number keeps
 * the present one (a student without a record needs one); GPA and attendance may be cleared.
 */
public record AcademicChanges(String rollNumber, BigDecimal gpa, BigDecimal attendancePct, String riskLevel) {
}
