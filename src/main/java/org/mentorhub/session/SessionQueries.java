package org.mentorhub.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.identity.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of sessions, in plain SQL so that a page is a constant number of queries: one for
 * the count and one for the rows with both people's names (no N+1). "My sessions" is a UNION ALL of
 * the sessions where I am the mentor and those where I am the mentee, so that each half walks its
 * own index ({@code (mentor_id, status, scheduled_at)}, {@code (mentor_id, scheduled_at)} and the
 * mentee's twins) instead of an OR that some databases answer with a full scan.
 */
@Component
class SessionQueries {

	static final String COLUMNS = """
			s.id, s.mentorship_id, s.mentor_id, mu.full_name AS mentor_name, s.mentee_id, eu.full_name AS mentee_name,
			s.title, s.description, s.agenda, s.scheduled_at, s.time_zone, s.duration_minutes, s.status, s.mode,
			s.location, s.meeting_link, s.proposed_date, s.proposed_by_id, s.response_message, s.topic, s.summary,
			s.next_meeting_on, s.attendance, s.created_by_id, s.completed_at, s.cancelled_at, s.ical_uid,
			s.ical_sequence, s.version""";

	static final String JOINS = " JOIN identity_people mu ON mu.id = s.mentor_id JOIN identity_people eu ON eu.id = s.mentee_id";

	/** The list's criteria: my sessions, upcoming (from now, soonest first) or past (newest first). */
	record Criteria(long userId, boolean upcoming, Instant now, SessionStatus status, Long mentorshipId) {
	}

	private final JdbcClient jdbc;

	private final People people;

	SessionQueries(JdbcClient jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** The account's zone (UTC when unset or unknown). */
	ZoneId zoneOf(long userId) {
		return this.people.zoneOf(userId);
	}

	Optional<SessionView> one(long id, ZoneId viewer) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM mentoring_sessions s" + JOINS + " WHERE s.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs, viewer))
			.optional();
	}

	private String mine(String role, Criteria c) {
		StringBuilder sql = new StringBuilder("SELECT id, scheduled_at FROM mentoring_sessions WHERE ")
			.append(role).append(" = :me");
		if (c.status() != null) {
			sql.append(" AND status = :status");
		}
		sql.append(c.upcoming() ? " AND scheduled_at >= :now" : " AND scheduled_at < :now");
		if (c.mentorshipId() != null) {
			sql.append(" AND mentorship_id = :mentorship");
		}
		// A draft is its creator's alone.
		sql.append(" AND (status <> 'PENDING' OR created_by_id = :me)");
		return sql.toString();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Criteria c) {
		spec = spec.param("me", c.userId()).param("now", utc(c.now()));
		if (c.status() != null) {
			spec = spec.param("status", c.status().name());
		}
		if (c.mentorshipId() != null) {
			spec = spec.param("mentorship", c.mentorshipId());
		}
		return spec;
	}

	long count(Criteria c) {
		String sql = "SELECT (SELECT COUNT(*) FROM (" + mine("mentor_id", c) + ") a) + (SELECT COUNT(*) FROM ("
				+ mine("mentee_id", c) + ") b)";
		Number n = bind(this.jdbc.sql(sql), c).query(Number.class).single();
		return n.longValue();
	}

	List<SessionView> page(Criteria c, int limit, long offset, ZoneId viewer) {
		String order = c.upcoming() ? "ASC" : "DESC";
		// Each half is ordered and limited by its own index; the outer query merges at most 2 * (offset + limit) rows.
		String half = " ORDER BY scheduled_at " + order + ", id " + order + " LIMIT :window";
		String sql = "SELECT " + COLUMNS + " FROM (SELECT * FROM (" + mine("mentor_id", c) + half + ") h1 UNION ALL "
				+ "SELECT * FROM (" + mine("mentee_id", c) + half + ") h2) x JOIN mentoring_sessions s ON s.id = x.id"
				+ JOINS + " ORDER BY s.scheduled_at " + order + ", s.id " + order + " LIMIT :limit OFFSET :offset";
		return bind(this.jdbc.sql(sql), c).param("window", offset + limit)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> view(rs, viewer))
			.list();
	}

	/** My sessions (not drafts of others) that start in [from, to), any status, soonest first. */
	List<SessionView> between(long userId, Instant from, Instant to, ZoneId viewer) {
		String half = "SELECT id FROM mentoring_sessions WHERE %s = :me AND scheduled_at >= :from AND scheduled_at < :to"
				+ " AND (status <> 'PENDING' OR created_by_id = :me)";
		String sql = "SELECT " + COLUMNS + " FROM (" + half.formatted("mentor_id") + " UNION ALL "
				+ half.formatted("mentee_id") + ") x JOIN mentoring_sessions s ON s.id = x.id" + JOINS
				+ " ORDER BY s.scheduled_at, s.id";
		return this.jdbc.sql(sql)
			.param("me", userId)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> view(rs, viewer))
			.list();
	}

	/** A busy time of a person: a session holding their time. */
	record Busy(long id, Instant start, Instant end) {

		boolean overlaps(Instant from, Instant to) {
			return this.start.isBefore(to) && from.isBefore(this.end);
		}

	}

	/**
	 * The sessions that hold any of the people's time (PROPOSED, REQUESTED, CONFIRMED, RESCHEDULED)
	 * and overlap [from, to). A session lasts at most 480 minutes, so only those starting after
	 * {@code from - 480 min} can overlap: the range keeps the index scan short on every database.
	 */
	List<Busy> busy(Collection<Long> userIds, Instant from, Instant to) {
		List<Busy> result = new ArrayList<>();
		for (String role : List.of("mentor_id", "mentee_id")) {
			this.jdbc.sql("SELECT id, scheduled_at, duration_minutes FROM mentoring_sessions WHERE " + role
					+ " IN (:users) AND status IN ('PROPOSED', 'REQUESTED', 'CONFIRMED', 'RESCHEDULED')"
					+ " AND scheduled_at < :to AND scheduled_at > :earliest")
				.param("users", userIds)
				.param("to", utc(to))
				.param("earliest", utc(from.minusSeconds(Sessions.MAX_DURATION * 60L)))
				.query((rs, n) -> {
					Instant start = instant(rs, "scheduled_at");
					return new Busy(rs.getLong("id"), start, start.plusSeconds(rs.getInt("duration_minutes") * 60L));
				})
				.list()
				.stream()
				.filter(b -> b.overlaps(from, to))
				.filter(b -> result.stream().noneMatch(r -> r.id() == b.id()))
				.forEach(result::add);
		}
		return result;
	}

	/** Locks both people (identity's lock, in id order), so that bookings of the same person run one after another. */
	void lockPeople(long a, long b) {
		this.people.lock(List.of(a, b));
	}

	/** The scope of the attendance view: the institution, and the department of a coordinator. */
	record AttendanceCriteria(long institutionId, Long departmentId, Instant from, Instant to, Attendance attendance,
			SessionStatus status) {
	}

	private static String attendanceWhere(AttendanceCriteria c) {
		StringBuilder where = new StringBuilder(" WHERE m.institution_id = :institution");
		if (c.departmentId() != null) {
			where.append(" AND m.department_id = :department");
		}
		if (c.from() != null) {
			where.append(" AND s.scheduled_at >= :from");
		}
		if (c.to() != null) {
			where.append(" AND s.scheduled_at < :to");
		}
		if (c.attendance() != null) {
			where.append(" AND s.attendance = :attendance");
		}
		if (c.status() != null) {
			where.append(" AND s.status = :status");
		}
		else {
			where.append(" AND s.status IN ('CONFIRMED', 'COMPLETED')");
		}
		return where.toString();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AttendanceCriteria c) {
		spec = spec.param("institution", c.institutionId());
		if (c.departmentId() != null) {
			spec = spec.param("department", c.departmentId());
		}
		if (c.from() != null) {
			spec = spec.param("from", utc(c.from()));
		}
		if (c.to() != null) {
			spec = spec.param("to", utc(c.to()));
		}
		if (c.attendance() != null) {
			spec = spec.param("attendance", c.attendance().name());
		}
		if (c.status() != null) {
			spec = spec.param("status", c.status().name());
		}
		return spec;
	}

	long countAttendance(AttendanceCriteria c) {
		return bind(this.jdbc.sql("SELECT COUNT(*) FROM mentoring_sessions s JOIN mentorship_pairs m ON m.id = s.mentorship_id"
				+ attendanceWhere(c)), c).query(Number.class).single().longValue();
	}

	List<AttendanceRow> attendance(AttendanceCriteria c, int limit, long offset, ZoneId viewer) {
		String sql = "SELECT s.id, s.mentorship_id, s.title, s.mentor_id, mu.full_name AS mentor_name, s.mentee_id,"
				+ " eu.full_name AS mentee_name, m.department_id, s.scheduled_at, s.status, s.attendance, s.topic,"
				+ " s.completed_at FROM mentoring_sessions s JOIN mentorship_pairs m ON m.id = s.mentorship_id" + JOINS
				+ attendanceWhere(c) + " ORDER BY s.scheduled_at DESC, s.id DESC LIMIT :limit OFFSET :offset";
		return bind(this.jdbc.sql(sql), c).param("limit", limit).param("offset", offset).query((rs, n) -> {
			Instant start = instant(rs, "scheduled_at");
			String attendance = rs.getString("attendance");
			long department = rs.getLong("department_id");
			return new AttendanceRow(rs.getLong("id"), rs.getLong("mentorship_id"), rs.getString("title"),
					rs.getLong("mentor_id"), rs.getString("mentor_name"), rs.getLong("mentee_id"),
					rs.getString("mentee_name"), rs.wasNull() ? null : department, start, local(start, viewer),
					SessionStatus.valueOf(rs.getString("status")),
					attendance == null ? null : Attendance.valueOf(attendance), rs.getString("topic"),
					instant(rs, "completed_at"));
		}).list();
	}

	/** The mentorship a session is made in, as the session module needs it. */
	record MentorshipRow(long id, long institutionId, Long departmentId, long mentorId, long menteeId, String status) {
	}

	Optional<MentorshipRow> mentorship(long id) {
		return this.jdbc.sql("SELECT id, institution_id, department_id, mentor_id, mentee_id, status FROM mentorship_pairs "
				+ "WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> {
				long department = rs.getLong("department_id");
				Long dept = rs.wasNull() ? null : department;
				return new MentorshipRow(rs.getLong("id"), rs.getLong("institution_id"), dept, rs.getLong("mentor_id"),
						rs.getLong("mentee_id"), rs.getString("status"));
			})
			.optional();
	}

	/** My ACTIVE mentorships, with the other person's name (for "plan a session"). */
	List<Sessions.MentorshipChoice> activeMentorships(long me) {
		return this.jdbc.sql("""
				SELECT m.id, m.mentor_id, u.full_name FROM mentorship_pairs m
				JOIN identity_people u ON u.id = CASE WHEN m.mentor_id = :me THEN m.mentee_id ELSE m.mentor_id END
				WHERE (m.mentor_id = :me OR m.mentee_id = :me) AND m.status = 'ACTIVE' ORDER BY u.full_name, m.id""")
			.param("me", me)
			.query((rs, n) -> new Sessions.MentorshipChoice(rs.getLong("id"), rs.getLong("mentor_id") == me,
					rs.getString("full_name")))
			.list();
	}

	/** The names of people by id. */
	Map<Long, String> names(Collection<Long> ids) {
		return this.people.names(ids);
	}

	static SessionView view(ResultSet rs, ZoneId viewer) throws SQLException {
		Instant start = instant(rs, "scheduled_at");
		int duration = rs.getInt("duration_minutes");
		Instant end = start.plusSeconds(duration * 60L);
		Instant proposed = instant(rs, "proposed_date");
		long proposedBy = rs.getLong("proposed_by_id");
		Long proposedById = rs.wasNull() ? null : proposedBy;
		long createdBy = rs.getLong("created_by_id");
		Long createdById = rs.wasNull() ? null : createdBy;
		java.sql.Date next = rs.getDate("next_meeting_on");
		String attendance = rs.getString("attendance");
		return new SessionView(rs.getLong("id"), rs.getLong("mentorship_id"), rs.getLong("mentor_id"),
				rs.getString("mentor_name"), rs.getLong("mentee_id"), rs.getString("mentee_name"), rs.getString("title"),
				rs.getString("description"), rs.getString("agenda"), start, end, rs.getString("time_zone"), duration,
				SessionStatus.valueOf(rs.getString("status")), SessionMode.valueOf(rs.getString("mode")),
				rs.getString("location"), rs.getString("meeting_link"), proposed, proposedById,
				rs.getString("response_message"), rs.getString("topic"), rs.getString("summary"),
				next == null ? null : next.toLocalDate(), attendance == null ? null : Attendance.valueOf(attendance),
				createdById, instant(rs, "completed_at"), instant(rs, "cancelled_at"), rs.getString("ical_uid"),
				rs.getInt("ical_sequence"), rs.getLong("version"), viewer.getId(), local(start, viewer),
				local(end, viewer), proposed == null ? null : local(proposed, viewer));
	}

	/** An instant as the UTC wall-clock time the database stores. */
	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
	}

	static LocalDateTime local(Instant instant, ZoneId zone) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		// Timestamps are UTC in the database (hibernate.jdbc.time_zone=UTC); read them as UTC.
		java.time.OffsetDateTime value = readUtc(rs, column);
		return value == null ? null : value.toInstant();
	}

	private static java.time.OffsetDateTime readUtc(ResultSet rs, String column) throws SQLException {
		LocalDateTime local = rs.getObject(column, LocalDateTime.class);
		return local == null ? null : local.atOffset(java.time.ZoneOffset.UTC);
	}

}
