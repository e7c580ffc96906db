package org.mentorhub.platform.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * What an instance killed in the middle of a job leaves behind, for the restart tests: the job
 * RUNNING on an instance that no longer exists, its heartbeat ten minutes old.
 */
public final class KilledInstance {

	private KilledInstance() {
	}

	/** Leaves a job of the kind RUNNING for the subject, as an instance that died would; returns its id. */
	public static long leaveRunning(JdbcClient jdbc, Clock clock, String kind, long subjectId, long submittedBy,
			int attempts) {
		Timestamp then = Timestamp.from(clock.instant().minus(Duration.ofMinutes(10)));
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO platform_jobs (kind, subject_id, submitted_by, locale, state, attempts, owner_instance,
				                           heartbeat_at, created_at, started_at)
				VALUES (:kind, :subject, :by, 'en', 'RUNNING', :attempts, 'killed-instance', :then, :then, :then)""")
			.param("kind", kind)
			.param("subject", subjectId)
			.param("by", submittedBy)
			.param("attempts", attempts)
			.param("then", then)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The job's state, attempts and failure reason, as "STATE attempts reason". */
	public static String stateOf(JdbcClient jdbc, long jobId) {
		return jdbc.sql("SELECT state, attempts, failure_reason FROM platform_jobs WHERE id = :id")
			.param("id", jobId)
			.query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3))
			.single();
	}

	/** The state of the newest job for the subject. */
	public static String latestStateOf(JdbcClient jdbc, String kind, long subjectId) {
		return jdbc.sql("SELECT state FROM platform_jobs WHERE kind = :kind AND subject_id = :s ORDER BY id DESC")
			.param("kind", kind)
			.param("s", subjectId)
			.query(String.class)
			.list()
			.get(0);
	}

}
