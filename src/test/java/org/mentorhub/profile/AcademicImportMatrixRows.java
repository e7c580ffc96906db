package org.mentorhub.profile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mock.web.MockMultipartFile;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the academic data import (STUDENT_RISK_WRITE): an administrator uploads, reads,
 * commits and discards every import of their own institution, whoever uploaded it; a coordinator only
 * their own imports (another person's import may hold other departments' data); mentors, mentees,
 * new mothers and the platform administrator none. Another institution's import is not found.
 */
public class AcademicImportMatrixRows implements Matrix.Rows {

	static final RecordSnapshot IMPORT_STATE = new RecordSnapshot(
			"SELECT status, processed_rows, applied_rows, finished_at, version FROM academic_imports WHERE id = :id");

	/**
	 * A previewed import uploaded by the owner, in the owner's institution (Northbridge for the
	 * platform administrator, who has none); the marker is in its file name.
	 */
	public static final Fixture IMPORT = withStatus("PREVIEW");

	/** The same, as a commit that failed (an error, or a restart), which its uploader may retry. */
	public static final Fixture FAILED_IMPORT = withStatus("FAILED");

	private static Fixture withStatus(String status) {
		return new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Long institution = owner.institutionId() != null ? owner.institutionId() : world.university().id();
			KeyHolder keys = new GeneratedKeyHolder();
			world.jdbc()
				.sql("INSERT INTO academic_imports (institution_id, uploaded_by_id, file_name, file_sha256, status, "
						+ "total_rows, valid_rows, created_at) VALUES (:i, :u, :name, :sha, '" + status + "', 0, 0, :at)")
				.param("i", institution)
				.param("u", owner.id())
				.param("name", "grades-" + marker + ".csv")
				.param("sha", "0".repeat(64))
				// The newest import, so that it heads the list of recent ones.
				.param("at", LocalDateTime.now(ZoneOffset.UTC))
				.update(keys, "id");
			return IMPORT_STATE.take(world, new Target(String.valueOf(keys.getKeyAs(Number.class).longValue()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return IMPORT_STATE.changes(world, target);
		}

		};
	}

	/**
	 * The same import, for the progress partial, which shows counters but no file name: its marker is
	 * the link to the import's own page, which only the allowed answer contains.
	 */
	public static final Fixture IMPORT_PROGRESS = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Target planted = IMPORT.plant(world, owner, marker);
			return new Target(planted.id(), "href=\"/admin/academic-imports/" + planted.id() + "\"");
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return IMPORT.unexpectedChange(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		String roll = "MXI" + UUID.randomUUID().toString().substring(0, 8);
		return List.of(allowed(Endpoint.get("/admin/academic-imports").lists(IMPORT)),
				allowed(Endpoint.get("/api/v1/academic-imports").lists(IMPORT)),
				Endpoint.post("/admin/academic-imports").file(csv(roll + "P")).allow(Persona.ADMIN).allow(Persona.COORDINATOR),
				Endpoint.post("/api/v1/academic-imports").file(csv(roll + "A")).allow(Persona.ADMIN).allow(Persona.COORDINATOR),
				Endpoint.get("/admin/academic-imports/template.csv").allow(Persona.ADMIN).allow(Persona.COORDINATOR),
				allowed(Endpoint.get("/admin/academic-imports/{id:\\d+}").on(IMPORT)),
				allowed(Endpoint.get("/admin/academic-imports/{id:\\d+}/progress").on(IMPORT_PROGRESS)),
				allowed(Endpoint.get("/api/v1/academic-imports/{id}").on(IMPORT)),
				allowed(Endpoint.get("/api/v1/academic-imports/{id}/progress").on(IMPORT)),
				allowed(Endpoint.post("/admin/academic-imports/{id:\\d+}/commit").on(IMPORT)),
				allowed(Endpoint.post("/api/v1/academic-imports/{id}/commit").on(IMPORT)),
				allowed(Endpoint.post("/admin/academic-imports/{id:\\d+}/retry").on(FAILED_IMPORT)),
				allowed(Endpoint.post("/api/v1/academic-imports/{id}/retry").on(FAILED_IMPORT)),
				allowed(Endpoint.post("/admin/academic-imports/{id:\\d+}/discard").on(IMPORT)),
				allowed(Endpoint.post("/api/v1/academic-imports/{id}/discard").on(IMPORT)));
	}

	/** An administrator on every import of their institution; a coordinator on their own. */
	private static Endpoint allowed(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN);
	}

	/** A file whose one row names no student: it previews (one ERROR row) and changes nothing. */
	private static MockMultipartFile csv(String rollNumber) {
		String text = "roll_number,gpa\n" + rollNumber + ",3.5\n";
		return new MockMultipartFile("file", "matrix-grades.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
