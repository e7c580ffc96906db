package org.mentorhub.privacy.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The erasure requests table. Every change of status is one conditional UPDATE on the status it expects,
 * so that two administrators (or a person and an administrator) racing each other cannot both win.
 */
@Repository
class ErasureStore {

	private static final String COLUMNS = """
			id, user_id, institution_id, status, reason, requested_at, eligible_at, decided_at, decision_reason,
			academic_hold, completed_at, rows_erased""";

	private final JdbcClient jdbc;

	ErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, long institutionId, String reason, Instant now, Instant eligibleAt) {
		this.jdbc.sql("""
				INSERT INTO privacy_erasure_requests (user_id, institution_id, status, reason, requested_at, eligible_at)
				VALUES (:user, :institution, 'PENDING', :reason, :now, :eligible)""")
			.param("user", userId)
			.param("institution", institutionId)
			.param("reason", reason)
			.param("now", utc(now))
			.param("eligible", utc(eligibleAt))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM privacy_erasure_requests WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	Optional<ErasureRequest> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM privacy_erasure_requests WHERE id = :id")
			.param("id", id)
			.query(ErasureStore::row)
			.optional();
	}

	List<ErasureRequest> ofUser(long userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM privacy_erasure_requests WHERE user_id = :user ORDER BY id DESC")
			.param("user", userId)
			.query(ErasureStore::row)
			.list();
	}

	/** The institution's requests, open ones first, newest first; at most {@code limit}. */
	List<ErasureRequest> ofInstitution(long institutionId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM privacy_erasure_requests WHERE institution_id = :institution
				ORDER BY CASE WHEN status = 'PENDING' THEN 0 ELSE 1 END, id DESC LIMIT :limit""")
			.param("institution", institutionId)
			.param("limit", limit)
			.query(ErasureStore::row)
			.list();
	}

	boolean hasOpen(long userId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM privacy_erasure_requests
				WHERE user_id = :user AND status IN ('PENDING', 'APPROVED', 'RUNNING', 'FAILED')""")
			.param("user", userId)
			.query(Integer.class)
			.single() > 0;
	}

	boolean cancel(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE privacy_erasure_requests SET status = 'CANCELLED', cancelled_at = :now, version = version + 1
				WHERE id = :id AND status = 'PENDING'""").param("id", id).param("now", utc(now)).update() == 1;
	}

	boolean refuse(long id, long adminId, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE privacy_erasure_requests SET status = 'REFUSED', decided_by_id = :admin, decided_at = :now,
				  decision_reason = :reason, version = version + 1
				WHERE id = :id AND status = 'PENDING'""")
			.param("id", id)
			.param("admin", adminId)
			.param("now", utc(now))
			.param("reason", reason)
			.update() == 1;
	}

	boolean approve(long id, long adminId, boolean academicHold, Instant now) {
		return this.jdbc.sql("""
				UPDATE privacy_erasure_requests SET status = 'APPROVED', decided_by_id = :admin, decided_at = :now,
				  academic_hold = :hold, version = version + 1
				WHERE id = :id AND status = 'PENDING' AND eligible_at <= :now""")
			.param("id", id)
			.param("admin", adminId)
			.param("now", utc(now))
			.param("hold", academicHold)
			.update() == 1;
	}

	void jobSubmitted(long id, long jobId) {
		this.jdbc.sql("UPDATE privacy_erasure_requests SET job_id = :job WHERE id = :id")
			.param("id", id)
			.param("job", jobId)
			.update();
	}

	/** The job begins (or begins again after a restart or a retry). */
	void running(long id) {
		this.jdbc.sql("""
				UPDATE privacy_erasure_requests SET status = 'RUNNING', version = version + 1
				WHERE id = :id AND status IN ('APPROVED', 'FAILED')""").param("id", id).update();
	}

	void completed(long id, int rows, Instant now) {
		this.jdbc.sql("""
				UPDATE privacy_erasure_requests SET status = 'COMPLETED', completed_at = :now, rows_erased = :rows,
				  version = version + 1
				WHERE id = :id AND status <> 'COMPLETED'""")
			.param("id", id)
			.param("now", utc(now))
			.param("rows", rows)
			.update();
	}

	void failed(long id) {
		this.jdbc.sql("""
				UPDATE privacy_erasure_requests SET status = 'FAILED', version = version + 1
				WHERE id = :id AND status IN ('APPROVED', 'RUNNING')""").param("id", id).update();
	}

	private static ErasureRequest row(ResultSet rs, int n) throws SQLException {
		return new ErasureRequest(rs.getLong("id"), rs.getLong("user_id"), null, rs.getLong("institution_id"),
				ErasureStatus.valueOf(rs.getString("status")), rs.getString("reason"), instant(rs, "requested_at"),
				instant(rs, "eligible_at"), instant(rs, "decided_at"), rs.getString("decision_reason"),
				rs.getBoolean("academic_hold"), instant(rs, "completed_at"),
				(Integer) rs.getObject("rows_erased", Integer.class));
	}

	/** Times are stored as UTC wall-clock times, like everywhere in MentorHub. */
	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime time = rs.getObject(column, LocalDateTime.class);
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

}
