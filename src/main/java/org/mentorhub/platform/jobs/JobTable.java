package org.mentorhub.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code platform_jobs} table. Every change of state is a conditional update on the state it
 * expects, so that two instances (or a thread and the recovery sweep) never both take a job.
 */
@Component
class JobTable {

	private static final String COLUMNS = """
			SELECT id, kind, subject_id, submitted_by, state, done_count, total_count, failure_reason, attempts,
			       created_at, started_at, finished_at, heartbeat_at, locale, owner_instance
			FROM platform_jobs""";

	/** A job with what only the mechanism needs. */
	record Row(Job job, String locale, String owner) {
	}

	private final JdbcClient jdbc;

	JobTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String kind, long subjectId, Long submittedBy, String locale, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO platform_jobs (kind, subject_id, submitted_by, locale, state, created_at)
				VALUES (:kind, :subject, :by, :locale, 'QUEUED', :now)""")
			.param("kind", kind)
			.param("subject", subjectId)
			.param("by", submittedBy)
			.param("locale", locale)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(JobTable::row).optional();
	}

	Optional<Job> latest(String kind, long subjectId) {
		return this.jdbc.sql(COLUMNS + " WHERE kind = :kind AND subject_id = :subject ORDER BY id DESC")
			.param("kind", kind)
			.param("subject", subjectId)
			.query(JobTable::row)
			.list()
			.stream()
			.findFirst()
			.map(Row::job);
	}

	/** The latest job of the kind for each of the subjects that has one, in one query: subject → job. */
	java.util.Map<Long, Job> latest(String kind, java.util.Collection<Long> subjectIds) {
		java.util.Map<Long, Job> latest = new java.util.HashMap<>();
		if (subjectIds.isEmpty()) {
			return latest;
		}
		this.jdbc.sql(COLUMNS + " WHERE kind = :kind AND subject_id IN (:subjects) ORDER BY id")
			.param("kind", kind)
			.param("subjects", java.util.List.copyOf(new java.util.LinkedHashSet<>(subjectIds)))
			.query(JobTable::row)
			.list()
			.forEach(row -> latest.put(row.job().subjectId(), row.job()));
		return latest;
	}

	/** QUEUED → RUNNING for this instance; false when someone else took it first. */
	boolean claim(long id, String instance, Instant now) {
		return this.jdbc.sql("""
				UPDATE platform_jobs SET state = 'RUNNING', owner_instance = :owner, heartbeat_at = :now,
				       started_at = :now, attempts = attempts + 1, failure_reason = NULL, finished_at = NULL
				WHERE id = :id AND state = 'QUEUED'""")
			.param("owner", instance)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	void progress(long id, int done, int total, Instant now) {
		this.jdbc.sql("""
				UPDATE platform_jobs SET done_count = :done, total_count = :total, heartbeat_at = :now
				WHERE id = :id AND state = 'RUNNING'""")
			.param("done", done)
			.param("total", total)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void beat(Collection<Long> ids, String instance, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE platform_jobs SET heartbeat_at = :now
				WHERE id IN (:ids) AND state = 'RUNNING' AND owner_instance = :owner""")
			.param("now", Timestamp.from(now))
			.param("ids", ids)
			.param("owner", instance)
			.update();
	}

	void succeed(long id, Instant now) {
		this.jdbc.sql("""
				UPDATE platform_jobs SET state = 'SUCCEEDED', finished_at = :now, heartbeat_at = :now
				WHERE id = :id AND state = 'RUNNING'""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** RUNNING or QUEUED → FAILED; with {@code attempts}, only if no other thread started it since. */
	boolean fail(long id, Integer attempts, String reason, Instant now) {
		// Two statements rather than ":attempts IS NULL", whose type PostgreSQL cannot infer.
		var update = this.jdbc.sql("""
				UPDATE platform_jobs SET state = 'FAILED', failure_reason = :reason, finished_at = :now
				WHERE id = :id AND state IN ('QUEUED', 'RUNNING')""" + (attempts == null ? "" : " AND attempts = :attempts"))
			.param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
			.param("now", Timestamp.from(now))
			.param("id", id);
		return (attempts == null ? update : update.param("attempts", attempts)).update() == 1;
	}

	/** RUNNING (by a dead instance) → QUEUED, if no other thread started it since. */
	boolean requeue(long id, int attempts) {
		return this.jdbc.sql("""
				UPDATE platform_jobs SET state = 'QUEUED', owner_instance = NULL
				WHERE id = :id AND state = 'RUNNING' AND attempts = :attempts""")
			.param("id", id)
			.param("attempts", attempts)
			.update() == 1;
	}

	/**
	 * RUNNING jobs whose heartbeat is older than {@code staleBefore}, or that belong to this instance
	 * ({@code instance}, at start-up: its previous life) and run in none of its threads.
	 */
	List<Row> interrupted(Instant staleBefore, String instance, Collection<Long> runningHere) {
		return this.jdbc.sql(COLUMNS + " WHERE state = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < :stale"
				+ (instance == null ? "" : " OR owner_instance = :instance") + ") ORDER BY id")
			.param("stale", Timestamp.from(staleBefore))
			.params(instance == null ? java.util.Map.of() : java.util.Map.of("instance", instance))
			.query(JobTable::row)
			.list()
			.stream()
			.filter(row -> !runningHere.contains(row.job().id()))
			.toList();
	}

	/** Jobs QUEUED since before {@code before}: their instance's queue was full, or it died. */
	List<Long> waiting(Instant before) {
		return this.jdbc.sql("SELECT id FROM platform_jobs WHERE state = 'QUEUED' AND created_at < :before ORDER BY id")
			.param("before", Timestamp.from(before))
			.query(Long.class)
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Job job = new Job(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class),
				JobState.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getInt(9),
				instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
				instant(rs.getTimestamp(13)));
		return new Row(job, rs.getString(14), rs.getString(15));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
