package org.mentorhub.profile;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The academic records of many students in one query, for the alert rules (GPA, attendance, risk level).
 * No authorization here: the caller runs without a signed-in user and shows nobody the values except
 * through its own checks.
 */
@Service
public class AcademicSignals {

	private final JdbcClient jdbc;

	AcademicSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The records these students hold (students without a record are left out); one query. */
	@Transactional(readOnly = true)
	public Map<Long, AcademicRecords.Held> held(Collection<Long> studentIds) {
		Map<Long, AcademicRecords.Held> held = new HashMap<>();
		if (studentIds.isEmpty()) {
			return held;
		}
		this.jdbc.sql("SELECT user_id, gpa, attendance_pct, risk_level FROM student_profiles WHERE user_id IN (:ids)")
			.param("ids", List.copyOf(studentIds))
			.query((RowCallbackHandler) rs -> held.put(rs.getLong("user_id"),
					new AcademicRecords.Held(rs.getObject("gpa", BigDecimal.class),
							rs.getObject("attendance_pct", BigDecimal.class),
							rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")))));
		return held;
	}

}
