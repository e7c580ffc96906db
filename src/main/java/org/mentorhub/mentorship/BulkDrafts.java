package org.mentorhub.mentorship;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.mentorhub.mentorship.BulkAssignments.Draft;
import org.mentorhub.mentorship.BulkAssignments.DraftPair;
import org.mentorhub.mentorship.BulkAssignments.DraftSummary;
import org.mentorhub.mentorship.BulkAssignments.PinnedPair;
import org.mentorhub.mentorship.BulkAssignments.Status;
import org.mentorhub.mentorship.BulkAssignments.UnassignedMentee;
import org.mentorhub.mentorship.matching.AssignmentOptions.Pair;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The rows of bulk-assignment drafts ({@code assignment_drafts} and its child tables), with plain SQL. */
@Component
class BulkDrafts {

	/** The stored facts of a draft a run needs. */
	record Row(long id, long institutionId, Long departmentId, List<Long> cohortIds, boolean maximise, Status status,
			boolean needsRerun, long version) {
	}

	private final JdbcClient jdbc;

	BulkDrafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long institutionId, Long departmentId, String description, List<Long> cohortIds, boolean maximise,
			long createdBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO assignment_drafts (institution_id, department_id, cohort_description, cohort_ids,
				  maximise_assignments, status, progress, created_by_id, created_at, updated_at, version)
				VALUES (:i, :d, :desc, :ids, :max, 'RUNNING', 0, :by, :now, :now, 0)""")
			.param("i", institutionId)
			.param("d", departmentId, java.sql.Types.BIGINT)
			.param("desc", description)
			.param("ids", cohortIds == null ? null : String.join(",", cohortIds.stream().map(String::valueOf).toList()),
					java.sql.Types.VARCHAR)
			.param("max", maximise)
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Row> row(long id) {
		return this.jdbc.sql("""
				SELECT id, institution_id, department_id, cohort_ids, maximise_assignments, status, needs_rerun, version
				FROM assignment_drafts WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), ids(rs.getString(4)),
					rs.getBoolean(5), Status.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getLong(8)))
			.optional();
	}

	/** Sets the status (and bumps the version) when the draft is in one of the given states; true when it was. */
	boolean transition(long id, Status to, Instant now, Long expectedVersion, Status... from) {
		String states = String.join(", ", Arrays.stream(from).map(s -> "'" + s.name() + "'").toList());
		return this.jdbc.sql("UPDATE assignment_drafts SET status = :to, version = version + 1, updated_at = :now"
				+ (to == Status.RUNNING ? ", progress = 0, failure_reason = NULL" : "")
				+ (to == Status.COMMITTED ? ", committed_at = :now" : "")
				+ " WHERE id = :id AND status IN (" + states + ")" + (expectedVersion == null ? "" : " AND version = :v"))
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("v", expectedVersion == null ? 0L : expectedVersion)
			.update() == 1;
	}

	void progress(long id, int percent) {
		this.jdbc.sql("UPDATE assignment_drafts SET progress = :p WHERE id = :id AND status = 'RUNNING' AND progress < :p")
			.param("p", Math.max(0, Math.min(100, percent)))
			.param("id", id)
			.update();
	}

	void needsRerun(long id, Instant now) {
		this.jdbc.sql("UPDATE assignment_drafts SET needs_rerun = TRUE, version = version + 1, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void fail(long id, String reason, Instant now) {
		this.jdbc.sql("""
				UPDATE assignment_drafts SET status = 'FAILED', failure_reason = :r, version = version + 1, updated_at = :now
				WHERE id = :id AND status = 'RUNNING'""")
			.param("r", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** Replaces the result of the draft; false (nothing written) when it is no longer running. */
	boolean finish(long id, List<DraftPair> pairs, List<UnassignedMentee> unassigned, long totalScore, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE assignment_drafts SET status = 'READY', progress = 100, needs_rerun = FALSE, total_score = :t,
				  assigned_count = :a, unassigned_count = :u, version = version + 1, updated_at = :now
				WHERE id = :id AND status = 'RUNNING'""")
			.param("t", totalScore)
			.param("a", pairs.size())
			.param("u", unassigned.size())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		if (updated != 1) {
			return false;
		}
		this.jdbc.sql("DELETE FROM assignment_draft_pairs WHERE draft_id = :id").param("id", id).update();
		this.jdbc.sql("DELETE FROM assignment_draft_unassigned WHERE draft_id = :id").param("id", id).update();
		for (DraftPair p : pairs) {
			this.jdbc.sql("""
					INSERT INTO assignment_draft_pairs (draft_id, mentee_id, mentor_id, score, explanation, pinned)
					VALUES (:d, :e, :m, :s, :x, :p)""")
				.param("d", id)
				.param("e", p.menteeId())
				.param("m", p.mentorId())
				.param("s", p.score())
				.param("x", p.explanation().length() > 1000 ? p.explanation().substring(0, 1000) : p.explanation())
				.param("p", p.pinned())
				.update();
		}
		for (UnassignedMentee u : unassigned) {
			this.jdbc.sql("INSERT INTO assignment_draft_unassigned (draft_id, mentee_id, reason) VALUES (:d, :e, :r)")
				.param("d", id)
				.param("e", u.menteeId())
				.param("r", u.reason().length() > 500 ? u.reason().substring(0, 500) : u.reason())
				.update();
		}
		return true;
	}

	List<Pair> pins(long id) {
		return this.jdbc.sql("SELECT mentee_id, mentor_id FROM assignment_draft_pins WHERE draft_id = :id ORDER BY mentee_id")
			.param("id", id)
			.query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	List<Pair> removals(long id) {
		return this.jdbc.sql("SELECT mentee_id, mentor_id FROM assignment_draft_removals WHERE draft_id = :id "
				+ "ORDER BY mentee_id, mentor_id")
			.param("id", id)
			.query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	void pin(long id, long menteeId, long mentorId) {
		this.jdbc.sql("DELETE FROM assignment_draft_pins WHERE draft_id = :d AND mentee_id = :e")
			.param("d", id)
			.param("e", menteeId)
			.update();
		this.jdbc.sql("DELETE FROM assignment_draft_removals WHERE draft_id = :d AND mentee_id = :e AND mentor_id = :m")
			.param("d", id)
			.param("e", menteeId)
			.param("m", mentorId)
			.update();
		this.jdbc.sql("INSERT INTO assignment_draft_pins (draft_id, mentee_id, mentor_id) VALUES (:d, :e, :m)")
			.param("d", id)
			.param("e", menteeId)
			.param("m", mentorId)
			.update();
	}

	void remove(long id, long menteeId, long mentorId) {
		this.jdbc.sql("DELETE FROM assignment_draft_pins WHERE draft_id = :d AND mentee_id = :e AND mentor_id = :m")
			.param("d", id)
			.param("e", menteeId)
			.param("m", mentorId)
			.update();
		if (this.jdbc.sql("SELECT COUNT(*) FROM assignment_draft_removals WHERE draft_id = :d AND mentee_id = :e AND mentor_id = :m")
			.param("d", id)
			.param("e", menteeId)
			.param("m", mentorId)
			.query(Integer.class)
			.single() == 0) {
			this.jdbc.sql("INSERT INTO assignment_draft_removals (draft_id, mentee_id, mentor_id) VALUES (:d, :e, :m)")
				.param("d", id)
				.param("e", menteeId)
				.param("m", mentorId)
				.update();
		}
	}

	/** The mentees of the draft's last result (placed and unassigned). */
	List<Long> mentees(long id) {
		return this.jdbc.sql("""
				SELECT mentee_id FROM assignment_draft_pairs WHERE draft_id = :id
				UNION SELECT mentee_id FROM assignment_draft_unassigned WHERE draft_id = :id""")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	/** The pairs of the draft's last result, for the commit. */
	List<Pair> pairs(long id) {
		return this.jdbc.sql("SELECT mentee_id, mentor_id FROM assignment_draft_pairs WHERE draft_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	Draft draft(long id) {
		DraftSummary s = this.jdbc.sql(SUMMARY + " WHERE a.id = :id").param("id", id).query(BulkDrafts::summary).single();
		List<DraftPair> pairs = this.jdbc.sql("""
				SELECT p.mentee_id, e.full_name, p.mentor_id, m.full_name, p.score, p.explanation, p.pinned
				FROM assignment_draft_pairs p JOIN identity_people e ON e.id = p.mentee_id JOIN identity_people m ON m.id = p.mentor_id
				WHERE p.draft_id = :id ORDER BY p.score DESC, e.full_name, p.mentee_id""")
			.param("id", id)
			.query((rs, n) -> new DraftPair(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
					rs.getString(6), rs.getBoolean(7)))
			.list();
		List<UnassignedMentee> unassigned = this.jdbc.sql("""
				SELECT u.mentee_id, e.full_name, u.reason FROM assignment_draft_unassigned u JOIN identity_people e ON e.id = u.mentee_id
				WHERE u.draft_id = :id ORDER BY e.full_name, u.mentee_id""")
			.param("id", id)
			.query((rs, n) -> new UnassignedMentee(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		List<PinnedPair> pins = pairsWithNames("assignment_draft_pins", id);
		List<PinnedPair> removals = pairsWithNames("assignment_draft_removals", id);
		return new Draft(s, pairs, unassigned, pins, removals);
	}

	List<DraftSummary> recent(long institutionId, Long departmentId) {
		return this.jdbc.sql(SUMMARY + " WHERE a.institution_id = :i AND (:d IS NULL OR a.department_id = :d) "
				+ "ORDER BY a.created_at DESC, a.id DESC LIMIT 20")
			.param("i", institutionId)
			.param("d", departmentId, java.sql.Types.BIGINT)
			.query(BulkDrafts::summary)
			.list();
	}

	private List<PinnedPair> pairsWithNames(String table, long id) {
		return this.jdbc.sql("SELECT p.mentee_id, e.full_name, p.mentor_id, m.full_name FROM " + table
				+ " p JOIN identity_people e ON e.id = p.mentee_id JOIN identity_people m ON m.id = p.mentor_id WHERE p.draft_id = :id "
				+ "ORDER BY e.full_name, p.mentee_id")
			.param("id", id)
			.query((rs, n) -> new PinnedPair(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.list();
	}

	private static final String SUMMARY = """
			SELECT a.id, a.institution_id, a.department_id, d.name, a.cohort_description, a.maximise_assignments,
			       a.status, a.progress, a.needs_rerun, a.total_score, a.assigned_count, a.unassigned_count,
			       a.failure_reason, a.created_by_id, a.created_at, a.updated_at, a.committed_at, a.version
			FROM assignment_drafts a LEFT JOIN organization_departments d ON d.id = a.department_id""";

	private static DraftSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DraftSummary(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
				rs.getBoolean(6), Status.valueOf(rs.getString(7)), rs.getInt(8), rs.getBoolean(9), rs.getLong(10),
				rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getObject(14, Long.class), instant(rs.getTimestamp(15)),
				instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)), rs.getLong(18));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	private static List<Long> ids(String text) {
		if (text == null) {
			return null;
		}
		List<Long> ids = new ArrayList<>();
		for (String part : text.split(",")) {
			if (!part.isBlank()) {
				ids.add(Long.parseLong(part.trim()));
			}
		}
		return ids;
	}

}
