package org.mentorhub.platform.jobs;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.imports.UserImportMatrixRows;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the jobs API: everyone reads only the jobs they submitted themselves (anyone else's is
 * not found); a retry goes through the job's module, so of a failed user import only an administrator
 * (USER_IMPORT and USER_MANAGE) may retry their own.
 */
public class JobMatrixRows implements Matrix.Rows {

	static final RecordSnapshot JOB_STATE = new RecordSnapshot(
			"SELECT state, attempts, failure_reason, finished_at FROM platform_jobs WHERE id = :id");

	/** A failed user import's job, submitted by the owner; the marker is its failure reason. */
	public static final Fixture FAILED_JOB = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Target upload = UserImportMatrixRows.FAILED_IMPORT.plant(world, owner, marker);
			KeyHolder keys = new GeneratedKeyHolder();
			world.jdbc()
				.sql("INSERT INTO platform_jobs (kind, subject_id, submitted_by, locale, state, failure_reason, attempts, "
						+ "created_at, finished_at) VALUES ('identity.user-import', :subject, :by, 'en', 'FAILED', :reason, 1, "
						+ ":at, :at)")
				.param("subject", Long.parseLong(upload.id()))
				.param("by", owner.id())
				.param("reason", marker)
				.param("at", LocalDateTime.now(ZoneOffset.UTC))
				.update(keys, "id");
			return JOB_STATE.take(world, new Target(String.valueOf(keys.getKeyAs(Number.class).longValue()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return JOB_STATE.changes(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/api/v1/jobs/{id}").on(FAILED_JOB).allow(Persona.SIGNED_IN, OWN),
				Endpoint.post("/api/v1/jobs/{id}/retry").on(FAILED_JOB).allow(Persona.ADMIN, OWN));
	}

}
