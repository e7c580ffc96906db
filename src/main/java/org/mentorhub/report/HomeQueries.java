package org.mentorhub.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries behind the home dashboards. Reporting reads the tables directly, as a read
 * model, rather than loading other modules' aggregates (docs/adr/0002-reporting-reads-tables.md).
 * Every query is bounded (LIMIT) and scoped to the caller's institution, department or own id.
 */
@Component
@Transactional(readOnly = true)
class HomeQueries {

	private final JdbcClient jdbc;

	HomeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<InstitutionRow> institutions() {
		return this.jdbc.sql("""
				SELECT i.id, i.name, i.code, i.kind,
				       (SELECT COUNT(*) FROM departments d WHERE d.institution_id = i.id) AS departments,
				       (SELECT COUNT(*) FROM users u WHERE u.institution_id = i.id) AS users
				FROM institutions i ORDER BY i.name""").query(InstitutionRow.class).list();
	}

	List<Count> usersByRole(long institutionId) {
		return this.jdbc.sql("""
				SELECT r.name AS label, COUNT(*) AS total
				FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id
				WHERE u.institution_id = :institution GROUP BY r.name ORDER BY r.name""")
			.param("institution", institutionId)
			.query(Count.class)
			.list();
	}

	List<Count> mentorshipsByStatus(long institutionId, Long departmentId) {
		return this.jdbc.sql("""
				SELECT m.status AS label, COUNT(*) AS total FROM mentorships m
				WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				GROUP BY m.status ORDER BY m.status""")
			.param("institution", institutionId)
			.param("department", orNone(departmentId))
			.query(Count.class)
			.list();
	}

	List<DepartmentRow> departments(long institutionId) {
		return this.jdbc.sql("""
				SELECT d.id, d.name, d.code,
				       (SELECT COUNT(*) FROM users u WHERE u.department_id = d.id) AS members,
				       (SELECT COUNT(*) FROM mentorships m WHERE m.department_id = d.id AND m.status = 'ACTIVE') AS active_mentorships
				FROM departments d WHERE d.institution_id = :institution ORDER BY d.name""")
			.param("institution", institutionId)
			.query(DepartmentRow.class)
			.list();
	}

	/**
	 * Up to eight current mentorships of an institution, narrowed to a department, a mentor or a mentee when
	 * given: the statement carries only the conditions that are set (an optional filter written as {@code
	 * (:x = 0 OR ...)} keeps a prepared statement's generic plan, and H2, from using an index for it).
	 */
	List<MentorshipRow> mentorships(long institutionId, Long departmentId, Long mentorId, Long menteeId) {
		return this.jdbc.sql("""
				SELECT m.id, m.status, mentor.full_name AS mentor_name, mentee.full_name AS mentee_name,
				       d.name AS department_name, m.goal, m.assigned_at
				FROM mentorships m
				JOIN users mentor ON mentor.id = m.mentor_id
				JOIN users mentee ON mentee.id = m.mentee_id
				LEFT JOIN departments d ON d.id = m.department_id
				WHERE m.institution_id = :institution""" + (departmentId == null ? "" : " AND m.department_id = :department")
				+ (mentorId == null ? "" : " AND m.mentor_id = :mentor") + (menteeId == null ? "" : " AND m.mentee_id = :mentee")
				+ """

				  AND m.status IN ('ACTIVE', 'PAUSED', 'REQUESTED', 'PROPOSED', 'ACCEPTED')
				ORDER BY m.status, mentee.full_name LIMIT 8""")
			.param("institution", institutionId)
			.param("department", orNone(departmentId))
			.param("mentor", orNone(mentorId))
			.param("mentee", orNone(menteeId))
			.query(MentorshipRow.class)
			.list();
	}

	/**
	 * The next eight sessions of an institution or one of its departments, or of one participant there:
	 * a participant's are found on each side's (mentor or mentee, status, date) index ({@link #bothSides});
	 * a scope's walk the {@code scheduled_at} index from now in a derived table with its own {@code LIMIT},
	 * each session's mentorship checked by primary key ({@code EXISTS}), and only the eight found are joined
	 * to their names. Written as a join of sessions and mentorships, H2 started from the institution's
	 * 10,000 mentorships and sorted their upcoming sessions (1.8 s for an administrator's home page at
	 * full scale). Upcoming is "not finished" ({@code NOT IN} the three final statuses, the same five of
	 * {@code ck_mentoring_sessions_status} as an {@code IN} list, with which H2 took the (status, date)
	 * index and sorted every upcoming session). Only the conditions that are set are written: with {@code
	 * (:participant = 0 OR s.mentor_id = :participant OR ...)} H2 walked the upcoming sessions of the whole
	 * data set to find a mentee's few (seconds at full scale).
	 */
	List<SessionRow> upcomingSessions(long institutionId, Long departmentId, Long participantId, Instant now) {
		String department = departmentId == null ? "" : " AND m.department_id = :department";
		String sql;
		if (participantId == null) {
			sql = """
					SELECT s.id, s.mentorship_id, s.title, s.scheduled_at, s.duration_minutes, s.status, s.mode, s.mentor_id,
					       mentor.full_name AS mentor_name, mentee.full_name AS mentee_name
					FROM (SELECT n.id, n.mentorship_id, n.title, n.scheduled_at, n.duration_minutes, n.status, n.mode,
					             n.mentor_id, n.mentee_id
					      FROM mentoring_sessions n
					      WHERE n.scheduled_at >= :now AND n.status NOT IN ('COMPLETED', 'CANCELLED', 'REJECTED')
					        AND EXISTS (SELECT 1 FROM mentorships m WHERE m.id = n.mentorship_id
					                    AND m.institution_id = :institution""" + department + """
					)
					      ORDER BY n.scheduled_at, n.id LIMIT 8) s
					JOIN users mentor ON mentor.id = s.mentor_id
					JOIN users mentee ON mentee.id = s.mentee_id
					ORDER BY s.scheduled_at, s.id""";
		}
		else {
			sql = bothSides("""
					SELECT s.id, s.mentorship_id, s.title, s.scheduled_at, s.duration_minutes, s.status, s.mode, s.mentor_id,
					       mentor.full_name AS mentor_name, mentee.full_name AS mentee_name
					FROM mentoring_sessions s
					JOIN mentorships m ON m.id = s.mentorship_id
					JOIN users mentor ON mentor.id = s.mentor_id
					JOIN users mentee ON mentee.id = s.mentee_id
					WHERE m.institution_id = :institution""" + department + """

					  AND s.scheduled_at >= :now AND s.status NOT IN ('COMPLETED', 'CANCELLED', 'REJECTED')""")
					+ " ORDER BY x.scheduled_at, x.id LIMIT 8";
		}
		return this.jdbc.sql(sql)
			.param("institution", institutionId)
			.param("department", orNone(departmentId))
			.param("participant", orNone(participantId))
			.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(SessionRow.class)
			.list();
	}

	/**
	 * The rows of {@code select} (a statement with a {@code WHERE}, over sessions {@code s}) of one
	 * participant, {@code :participant}: as mentor, and as mentee, each branch found from its own index,
	 * in a derived table {@code x} to order and cut. Not {@code s.mentor_id = :participant OR s.mentee_id =
	 * :participant}, which H2 answers by reading every session (55 s for a mentor's home page on the
	 * full-scale data set), and not a derived table of ids joined back to the sessions, which H2 joins
	 * last after walking the other tables. A session's mentor and mentee are two people; the mentee branch
	 * still says {@code s.mentor_id <> :participant} so that no row could come twice.
	 */
	static String bothSides(String select) {
		return "SELECT * FROM (" + select + " AND s.mentor_id = :participant UNION ALL " + select
				+ " AND s.mentee_id = :participant AND s.mentor_id <> :participant) x";
	}

	/**
	 * The sessions a person has completed, as mentor or mentee: two counts on the participant's
	 * (mentor or mentee, status, date) indexes, whatever the size of the institution.
	 */
	long completedSessionsOf(long participantId) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentor_id = :participant AND s.status = 'COMPLETED')
				     + (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentee_id = :participant AND s.status = 'COMPLETED'
				        AND s.mentor_id <> :participant)""")
			.param("participant", participantId)
			.query(Long.class)
			.single();
	}

	/**
	 * The sessions of an institution, or of one of its departments, completed in the period: a range
	 * on the (status, date) index, so that the count grows with the period's sessions, not with all
	 * the sessions ever held (an institution's all-time count took a second at 1,000,000 sessions).
	 */
	long completedSessionsBetween(long institutionId, Long departmentId, Instant from, Instant to) {
		String department = departmentId == null ? "" : " AND m.department_id = :department";
		JdbcClient.StatementSpec spec = this.jdbc.sql("""
				SELECT COUNT(*) FROM mentoring_sessions s JOIN mentorships m ON m.id = s.mentorship_id
				WHERE s.status = 'COMPLETED' AND s.scheduled_at >= :from AND s.scheduled_at < :to
				  AND m.institution_id = :institution""" + department)
			.param("institution", institutionId)
			.param("from", LocalDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", LocalDateTime.ofInstant(to, ZoneOffset.UTC));
		if (departmentId != null) {
			spec = spec.param("department", departmentId);
		}
		return spec.query(Long.class).single();
	}

	List<AlertRow> openAlerts(long institutionId, Long departmentId, Long mentorId) {
		return this.jdbc.sql("""
				SELECT a.id, a.severity, a.category, a.message, a.status, a.student_id, s.full_name AS student_name, a.created_at
				FROM alerts a JOIN users s ON s.id = a.student_id
				WHERE a.institution_id = :institution AND a.status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
				  AND (:department = 0 OR s.department_id = :department)
				  AND (:mentor = 0 OR EXISTS (SELECT 1 FROM mentorships m WHERE m.mentee_id = a.student_id
				       AND m.mentor_id = :mentor AND m.status IN ('ACTIVE', 'PAUSED')))
				ORDER BY CASE a.severity WHEN 'CRITICAL' THEN 0 WHEN 'WARN' THEN 1 ELSE 2 END, a.created_at DESC
				LIMIT 8""")
			.param("institution", institutionId)
			.param("department", orNone(departmentId))
			.param("mentor", orNone(mentorId))
			.query(AlertRow.class)
			.list();
	}

	List<GoalRow> goals(long studentId) {
		return this.jdbc.sql("""
				SELECT g.id, g.title, g.category, g.status, g.progress_pct, g.target_date, g.mentorship_id
				FROM goals g WHERE g.student_id = :student
				ORDER BY CASE g.status WHEN 'COMPLETED' THEN 1 ELSE 0 END, g.target_date LIMIT 8""")
			.param("student", studentId)
			.query(GoalRow.class)
			.list();
	}

	List<NotificationRow> unreadNotifications(long userId) {
		return this.jdbc.sql("""
				SELECT n.id, n.title, n.body, n.created_at FROM notifications n
				WHERE n.user_id = :user AND n.read_at IS NULL ORDER BY n.created_at DESC LIMIT 5""")
			.param("user", userId)
			.query(NotificationRow.class)
			.list();
	}

	long unreadNotificationCount(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	List<MilestoneRow> milestones(long userId) {
		return this.jdbc.sql("""
				SELECT m.id, m.type, m.title, m.milestone_date FROM milestone_logs m WHERE m.user_id = :user
				ORDER BY m.milestone_date DESC LIMIT 5""")
			.param("user", userId)
			.query(MilestoneRow.class)
			.list();
	}

	List<GroupRow> supportGroups(long institutionId, long userId) {
		return this.jdbc.sql("""
				SELECT g.id, g.name, g.member_count,
				       (SELECT COUNT(*) FROM group_memberships gm WHERE gm.group_id = g.id AND gm.user_id = :user AND gm.status = 'ACTIVE') AS joined
				FROM support_groups g WHERE g.institution_id = :institution ORDER BY g.name""")
			.param("institution", institutionId)
			.param("user", userId)
			.query(GroupRow.class)
			.list();
	}

	/**
	 * What waits for one participant (a mentor or a mentee), in one statement: the viewer's time zone,
	 * the mentorship requests and session answers that wait for them, the completed sessions they have
	 * not given feedback on, their active mentees without a session in the 30 days before {@code since}'s
	 * day or later, and (as a mentee) whether they have a mentorship and an upcoming session.
	 * <p>
	 * Each count over the sessions is written once per side (as mentor, as mentee) and added, not as
	 * {@code mentor_id = :user OR mentee_id = :user}: H2 cannot use two indexes for an {@code OR} across
	 * two columns and read all 1,000,000 sessions of the full-scale data set for each (55 s for a mentor's
	 * home page); each side is one range of the (mentor or mentee, status, date) indexes on every database.
	 * A session's mentor and mentee are two people, so the sides do not overlap; the mentee side still says
	 * {@code s.mentor_id <> :user} so that it could not count a row twice.
	 */
	ParticipantTodo participantTodo(long userId, Instant now, Instant since) {
		return this.jdbc.sql("""
				SELECT u.time_zone,
				  (SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = :user AND m.status IN ('REQUESTED', 'PROPOSED')) AS requests_to_answer,
				  (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentee_id = :user AND s.status = 'PROPOSED')
				  + (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentor_id = :user AND s.status = 'REQUESTED')
				  + (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentor_id = :user AND s.status = 'RESCHEDULED'
				       AND s.proposed_by_id IS NOT NULL AND s.proposed_by_id <> :user)
				  + (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentee_id = :user AND s.mentor_id <> :user
				       AND s.status = 'RESCHEDULED' AND s.proposed_by_id IS NOT NULL AND s.proposed_by_id <> :user) AS sessions_to_answer,
				  (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentor_id = :user AND s.status = 'COMPLETED'
				     AND NOT EXISTS (SELECT 1 FROM session_feedback f WHERE f.session_id = s.id AND f.giver_id = :user))
				  + (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentee_id = :user AND s.mentor_id <> :user
				     AND s.status = 'COMPLETED'
				     AND NOT EXISTS (SELECT 1 FROM session_feedback f WHERE f.session_id = s.id AND f.giver_id = :user)) AS feedback_to_give,
				  NULLIF(GREATEST(
				    COALESCE((SELECT MAX(s.id) FROM mentoring_sessions s WHERE s.mentor_id = :user AND s.status = 'COMPLETED'
				       AND NOT EXISTS (SELECT 1 FROM session_feedback f WHERE f.session_id = s.id AND f.giver_id = :user)), 0),
				    COALESCE((SELECT MAX(s.id) FROM mentoring_sessions s WHERE s.mentee_id = :user AND s.status = 'COMPLETED'
				       AND NOT EXISTS (SELECT 1 FROM session_feedback f WHERE f.session_id = s.id AND f.giver_id = :user)), 0)),
				    0) AS feedback_session_id,
				  (SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = :user AND m.status = 'ACTIVE'
				     AND NOT EXISTS (SELECT 1 FROM mentoring_sessions s WHERE s.mentorship_id = m.id
				        AND s.status NOT IN ('CANCELLED', 'REJECTED') AND s.scheduled_at >= :since)) AS quiet_mentees,
				  (SELECT COUNT(*) FROM mentorships m WHERE m.mentee_id = :user
				     AND m.status IN ('REQUESTED', 'PROPOSED', 'ACCEPTED', 'ACTIVE', 'PAUSED')) AS own_mentorships,
				  (SELECT COUNT(*) FROM mentorships m WHERE m.mentee_id = :user AND m.status = 'ACTIVE') AS active_mentors,
				  (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentor_id = :user
				     AND s.status IN ('CONFIRMED', 'PENDING', 'PROPOSED', 'REQUESTED', 'RESCHEDULED') AND s.scheduled_at >= :now)
				  + (SELECT COUNT(*) FROM mentoring_sessions s WHERE s.mentee_id = :user AND s.mentor_id <> :user
				     AND s.status IN ('CONFIRMED', 'PENDING', 'PROPOSED', 'REQUESTED', 'RESCHEDULED') AND s.scheduled_at >= :now) AS upcoming
				FROM users u WHERE u.id = :user""")
			.param("user", userId)
			.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(ParticipantTodo.class)
			.single();
	}

	/**
	 * The confirmed sessions of a participant that have started and wait to be recorded, latest first: each
	 * side (as mentor, as mentee) from its own index ({@link #bothSides}).
	 */
	List<SessionRow> sessionsToRecord(long userId, Instant now) {
		return this.jdbc.sql(bothSides("""
				SELECT s.id, s.mentorship_id, s.title, s.scheduled_at, s.duration_minutes, s.status, s.mode, s.mentor_id,
				       mentor.full_name AS mentor_name, mentee.full_name AS mentee_name
				FROM mentoring_sessions s
				JOIN users mentor ON mentor.id = s.mentor_id
				JOIN users mentee ON mentee.id = s.mentee_id
				WHERE s.status = 'CONFIRMED' AND s.scheduled_at < :now""") + " ORDER BY x.scheduled_at DESC, x.id DESC LIMIT 3")
			.param("participant", userId)
			.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(SessionRow.class)
			.list();
	}

	/**
	 * What waits for an administrator or a coordinator now, in one statement: the viewer's time zone and
	 * the accepted mentorships waiting for approval in the institution (and the department, unless
	 * null). Read on every request: approving one must take it off the list at once.
	 */
	ManagerTodo managerTodo(long userId, long institutionId, Long departmentId) {
		return this.jdbc.sql("""
				SELECT u.time_zone,
				  (SELECT COUNT(*) FROM mentorships m WHERE m.institution_id = :institution
				     AND (:department = 0 OR m.department_id = :department) AND m.status = 'ACCEPTED') AS approvals
				FROM users u WHERE u.id = :user""")
			.param("user", userId)
			.param("institution", institutionId)
			.param("department", orNone(departmentId))
			.query(ManagerTodo.class)
			.single();
	}

	/**
	 * The institution's or department's active mentorships without a session since {@code since}, and its
	 * active mentees without an open or running mentorship: anti-joins over the whole scope, so they are
	 * kept for a minute ({@link HomeDashboards}).
	 */
	ManagerBacklog managerBacklog(long institutionId, Long departmentId, Instant since) {
		return this.jdbc.sql("""
				SELECT
				  (SELECT COUNT(*) FROM mentorships m WHERE m.institution_id = :institution
				     AND (:department = 0 OR m.department_id = :department) AND m.status = 'ACTIVE'
				     AND NOT EXISTS (SELECT 1 FROM mentoring_sessions s WHERE s.mentorship_id = m.id
				        AND s.status NOT IN ('CANCELLED', 'REJECTED') AND s.scheduled_at >= :since)) AS quiet_mentorships,
				  (SELECT COUNT(*) FROM users e JOIN user_roles ur ON ur.user_id = e.id JOIN roles r ON r.id = ur.role_id
				     WHERE e.institution_id = :institution AND (:department = 0 OR e.department_id = :department)
				       AND r.name = 'MENTEE' AND e.status = 'ACTIVE'
				       AND NOT EXISTS (SELECT 1 FROM mentorships m WHERE m.mentee_id = e.id
				          AND m.status IN ('REQUESTED', 'PROPOSED', 'ACCEPTED', 'ACTIVE', 'PAUSED'))) AS unmatched_mentees
				FROM institutions i WHERE i.id = :institution""")
			.param("institution", institutionId)
			.param("department", orNone(departmentId))
			.param("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(ManagerBacklog.class)
			.single();
	}

	/** The most mentees a mentor's "at a glance" card shows (a mentor's places are far fewer). */
	static final int GLANCE_LIMIT = 50;

	/** A mentor's active mentorships, by mentee name: the rows of the "at a glance" card. */
	List<GlanceRow> activeMentees(long mentorId) {
		return this.jdbc.sql("""
				SELECT m.id, m.mentee_id, mentee.full_name AS mentee_name
				FROM mentorships m JOIN users mentee ON mentee.id = m.mentee_id
				WHERE m.mentor_id = :mentor AND m.status = 'ACTIVE'
				ORDER BY mentee.full_name, m.id LIMIT""" + " " + GLANCE_LIMIT)
			.param("mentor", mentorId)
			.query(GlanceRow.class)
			.list();
	}

	/** A mentor's active mentorship: its id, the mentee's id and name. */
	record GlanceRow(long id, long menteeId, String menteeName) {
	}

	/** 0 stands for "no filter" in the queries above: ids start at 1, and a typed 0 suits every database. */
	private static long orNone(Long id) {
		return id == null ? 0L : id;
	}

	/** What waits for a participant ({@link #participantTodo}). */
	record ParticipantTodo(String timeZone, long requestsToAnswer, long sessionsToAnswer, long feedbackToGive,
			Long feedbackSessionId, long quietMentees, long ownMentorships, long activeMentors, long upcoming) {
	}

	/** The manager's zone and the approvals waiting in their scope ({@link #managerTodo}). */
	record ManagerTodo(String timeZone, long approvals) {
	}

	/** What has waited a while in a manager's scope ({@link #managerBacklog}). */
	record ManagerBacklog(long quietMentorships, long unmatchedMentees) {
	}

	/** An institution as the platform administrator sees it: counts only, no member data. */
	record InstitutionRow(long id, String name, String code, String kind, long departments, long users) {
	}

	/** A labelled count. */
	record Count(String label, long total) {
	}

	/** A department with its member and active-mentorship counts. */
	record DepartmentRow(long id, String name, String code, long members, long activeMentorships) {
	}

	/** A mentorship line. */
	record MentorshipRow(long id, String status, String mentorName, String menteeName, String departmentName,
			String goal, LocalDateTime assignedAt) {
	}

	/**
	 * An upcoming session line. A participant opens the session; a manager, who may not open other
	 * people's sessions, opens its mentorship.
	 */
	record SessionRow(long id, long mentorshipId, String title, LocalDateTime scheduledAt, int durationMinutes, String status, String mode,
			long mentorId, String mentorName, String menteeName) {

		/** The start in the viewer's zone. */
		public ZonedDateTime startIn(ZoneId zone) {
			return this.scheduledAt.atZone(ZoneOffset.UTC).withZoneSameInstant(zone);
		}

		/** The other participant's name, as the given participant sees the session. */
		public String otherThan(long participantId) {
			return this.mentorId == participantId ? this.menteeName : this.mentorName;
		}

	}

	/** An open alert line. */
	record AlertRow(long id, String severity, String category, String message, String status, long studentId,
			String studentName,
			LocalDateTime createdAt) {
	}

	/** A goal line. */
	record GoalRow(long id, String title, String category, String status, int progressPct,
			java.time.LocalDate targetDate, Long mentorshipId) {
	}

	/** An unread notification line. */
	record NotificationRow(long id, String title, String body, LocalDateTime createdAt) {
	}

	/** A milestone line. */
	record MilestoneRow(long id, String type, String title, java.time.LocalDate milestoneDate) {
	}

	/** A support group line. */
	record GroupRow(long id, String name, int memberCount, long joined) {
	}

}
