package org.mentorhub.mentorship;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side: lists of mentorships with names, in a fixed number of queries per page. */
@Component
class MentorshipQueries {

	private static final String SELECT = """
			SELECT m.id, m.institution_id, m.department_id, m.mentor_id, mu.full_name AS mentor_name, m.mentee_id,
			       eu.full_name AS mentee_name, m.status, m.goal, m.notes, m.preference_rank, m.requested_by_id,
			       m.assigned_by_id, m.decided_by_id, m.decided_at, m.decision_reason, m.assigned_at, m.paused_at,
			       m.ended_at, m.end_reason, m.created_at, m.updated_at, m.version
			FROM mentorships m JOIN identity_people mu ON mu.id = m.mentor_id JOIN identity_people eu ON eu.id = m.mentee_id""";

	private final JdbcClient jdbc;

	MentorshipQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The filters, already scoped: the institution always, the department for a coordinator. */
	record Criteria(long institutionId, Long departmentId, MentorshipStatus status) {
	}

	/** A participant's mentorships (as mentor or mentee), newest first. */
	List<MentorshipView> of(long userId) {
		return this.jdbc.sql(SELECT + " WHERE m.mentor_id = :u OR m.mentee_id = :u ORDER BY m.created_at DESC, m.id DESC LIMIT 200")
			.param("u", userId)
			.query(MentorshipQueries::map)
			.list();
	}

	long count(Criteria criteria) {
		Map<String, Object> params = new HashMap<>();
		return this.jdbc.sql("SELECT COUNT(*) FROM mentorships m" + where(criteria, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	List<MentorshipView> page(Criteria criteria, int limit, long offset) {
		Map<String, Object> params = new HashMap<>();
		String where = where(criteria, params);
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc.sql(SELECT + where + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(MentorshipQueries::map)
			.list();
	}

	MentorshipView one(long id) {
		return this.jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(MentorshipQueries::map).single();
	}

	private static String where(Criteria criteria, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE m.institution_id = :institution");
		params.put("institution", criteria.institutionId());
		if (criteria.departmentId() != null) {
			where.append(" AND m.department_id = :department");
			params.put("department", criteria.departmentId());
		}
		if (criteria.status() != null) {
			where.append(" AND m.status = :status");
			params.put("status", criteria.status().name());
		}
		return where.toString();
	}

	static MentorshipView map(ResultSet rs, int n) throws SQLException {
		return new MentorshipView(rs.getLong("id"), rs.getLong("institution_id"), rs.getObject("department_id", Long.class),
				rs.getLong("mentor_id"), rs.getString("mentor_name"), rs.getLong("mentee_id"), rs.getString("mentee_name"),
				MentorshipStatus.valueOf(rs.getString("status")), rs.getString("goal"), rs.getString("notes"),
				rs.getObject("preference_rank", Integer.class), rs.getObject("requested_by_id", Long.class),
				rs.getObject("assigned_by_id", Long.class), rs.getObject("decided_by_id", Long.class),
				instant(rs, "decided_at"), rs.getString("decision_reason"), instant(rs, "assigned_at"),
				instant(rs, "paused_at"), instant(rs, "ended_at"), rs.getString("end_reason"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

}
