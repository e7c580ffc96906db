package org.mentorhub.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The FERPA disclosure log, read from the audit log (there is no second log): the audit rows that name a
 * person as their subject and were written by someone else, newest first. Who may see them is the caller's
 * business (the privacy module shows a person only their own).
 */
@Service
public class AuditDisclosures {

	/** The most rows one read returns. */
	public static final int MAX_ROWS = 500;

	/**
	 * One read of the person's record by someone else.
	 * @param readerId the account that read it; null once that account is gone
	 * @param action the audit action, e.g. {@code STUDENT_RISK_READ}
	 * @param entity the table of the record read, e.g. {@code goals}
	 */
	public record Disclosure(long id, Instant at, Long readerId, String readerLabel, String action, String entity,
			String entityId) {
	}

	private final JdbcClient jdbc;

	AuditDisclosures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** At most {@code limit} (capped at {@link #MAX_ROWS}) reads of the subject's records by others, newest first. */
	@Transactional(readOnly = true)
	public List<Disclosure> about(long subjectUserId, int limit) {
		return this.jdbc.sql("""
				SELECT id, created_at, user_id, actor_label, action, entity, entity_id FROM audit_logs
				WHERE subject_user_id = :s AND (user_id IS NULL OR user_id <> :s)
				ORDER BY created_at DESC, id DESC LIMIT\s""" + Math.max(1, Math.min(limit, MAX_ROWS)))
			.param("s", subjectUserId)
			.query((rs, n) -> new Disclosure(rs.getLong(1),
					rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getObject(3, Long.class),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
