package org.mentorhub.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.mentorhub.TestAccounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The data the alert rules look at, planted with SQL: rules, academic records, sessions, action items, goals. */
public final class AlertRuleFixtures {

	private AlertRuleFixtures() {
	}

	/** A saved, enabled rule of the institution, switched on by the enabler. */
	public static void rule(JdbcClient jdbc, long institutionId, String kind, String threshold, Integer windowWeeks,
			String severity, boolean autoResolve, Long enablerId) {
		jdbc.sql("""
				INSERT INTO alert_rules (institution_id, kind, enabled, threshold, window_weeks, severity, auto_resolve,
				                         enabled_by_id, enabled_at, updated_by_id, version)
				VALUES (:i, :k, TRUE, :t, :w, :s, :a, :e, CURRENT_TIMESTAMP, :e, 1)""")
			.param("i", institutionId)
			.param("k", kind)
			.param("t", threshold == null ? null : new BigDecimal(threshold))
			.param("w", windowWeeks)
			.param("s", severity)
			.param("a", autoResolve)
			.param("e", enablerId)
			.update();
	}

	/** The student's academic record (any value may be null). */
	public static void academic(JdbcClient jdbc, Account student, String gpa, String attendance, String risk) {
		int updated = jdbc.sql("UPDATE student_profiles SET gpa = :g, attendance_pct = :a, risk_level = :r WHERE user_id = :u")
			.param("g", gpa == null ? null : new BigDecimal(gpa))
			.param("a", attendance == null ? null : new BigDecimal(attendance))
			.param("r", risk == null ? "LOW" : risk)
			.param("u", student.id())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level)
					VALUES (:u, :roll, :g, :a, :r)""")
				.param("u", student.id())
				.param("roll", "R" + student.id())
				.param("g", gpa == null ? null : new BigDecimal(gpa))
				.param("a", attendance == null ? null : new BigDecimal(attendance))
				.param("r", risk == null ? "LOW" : risk)
				.update();
		}
	}

	/** A session of the mentorship at that time, in that status, with that attendance (may be null). */
	public static long session(JdbcClient jdbc, long mentorshipId, Account mentor, Account mentee, String status,
			String attendance, LocalDateTime at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, attendance,
				                                completed_at)
				VALUES (:m, :mentor, :mentee, 'Planted session', :at, :s, :att, :done)""")
			.param("m", mentorshipId)
			.param("mentor", mentor.id())
			.param("mentee", mentee.id())
			.param("at", at)
			.param("s", status)
			.param("att", attendance)
			.param("done", "COMPLETED".equals(status) ? at.plusHours(1) : null)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** An open action item of the session, assigned to the person, due then. */
	public static void actionItem(JdbcClient jdbc, long sessionId, Account assignee, LocalDateTime due) {
		jdbc.sql("""
				INSERT INTO action_items (session_id, assigned_to_id, title, due_date, status)
				VALUES (:s, :a, 'Planted item', :d, 'PENDING')""")
			.param("s", sessionId)
			.param("a", assignee.id())
			.param("d", due)
			.update();
	}

	/** A goal of the student in that status with that target date. */
	public static void goal(JdbcClient jdbc, Account student, String status, LocalDate target) {
		jdbc.sql("INSERT INTO goals (student_id, title, status, target_date) VALUES (:s, 'Planted goal', :st, :t)")
			.param("s", student.id())
			.param("st", status)
			.param("t", target)
			.update();
	}

	/** How many alerts the student has from the rule's source, and how many of them are open. */
	public static long alerts(JdbcClient jdbc, Account student, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE student_id = :s AND source_ref = :k")
			.param("s", student.id())
			.param("k", AlertRuleKind.valueOf(kind).sourceRef())
			.query(Long.class)
			.single();
	}

}
