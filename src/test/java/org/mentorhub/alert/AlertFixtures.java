package org.mentorhub.alert;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Alerts planted with SQL, with their first history entry, as the alert module writes them. */
public final class AlertFixtures {

	private AlertFixtures() {
	}

	/** An OPEN WARN alert about the student, raised and owned as given (either may be null), raised now. */
	public static long alert(JdbcClient jdbc, long studentId, Long raisedById, Long ownerId, String message) {
		return alert(jdbc, studentId, raisedById, ownerId, "WARN", "OPEN", message,
				LocalDateTime.now(ZoneOffset.UTC));
	}

	public static long alert(JdbcClient jdbc, long studentId, Long raisedById, Long ownerId, String severity,
			String status, String message, LocalDateTime createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO alerts (institution_id, student_id, severity, category, message, status, raised_by_id, owner_id,
				                    visible_to_student, created_at, updated_at, version)
				SELECT u.institution_id, u.id, :severity, 'GPA', :message, :status, :raisedBy, :owner, FALSE, :at, :at, 0
				FROM users u WHERE u.id = :student""")
			.param("severity", severity)
			.param("message", message)
			.param("status", status)
			.param("raisedBy", raisedById)
			.param("owner", ownerId)
			.param("at", createdAt)
			.param("student", studentId)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("""
				INSERT INTO alert_events (alert_id, actor_id, to_status, note, created_at)
				VALUES (:a, :by, 'OPEN', :note, :at)""")
			.param("a", id)
			.param("note", "Raised: " + message)
			.param("by", raisedById)
			.param("at", createdAt)
			.update();
		return id;
	}

	/** Flags the alert visible to its student. */
	public static void visibleToStudent(JdbcClient jdbc, long alertId) {
		jdbc.sql("UPDATE alerts SET visible_to_student = TRUE WHERE id = :id").param("id", alertId).update();
	}

}
