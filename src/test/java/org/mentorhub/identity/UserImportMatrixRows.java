package org.mentorhub.identity;

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
 * Matrix rows of the CSV user import: an administrator (USER_IMPORT) uploads, reads, commits and
 * discards the imports of their own institution, whoever uploaded them; nobody else may (the
 * platform administrator and coordinators neither), and another institution's import is not found.
 */
public class UserImportMatrixRows implements Matrix.Rows {

	static final RecordSnapshot IMPORT_STATE = new RecordSnapshot(
			"SELECT status, processed_rows, finished_at, version FROM user_imports WHERE id = :id");

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
				.sql("INSERT INTO user_imports (institution_id, uploaded_by_id, file_name, file_sha256, status, "
						+ "total_rows, valid_rows, created_at) VALUES (:i, :u, :name, :sha, '" + status + "', 0, 0, :at)")
				.param("i", institution)
				.param("u", owner.id())
				.param("name", "people-" + marker + ".csv")
				.param("sha", TokenHashing.sha256Hex(marker))
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
	 * The same import, for the progress partial, which shows counters but no file name: its marker
	 * is the link to the import's own page, which only the allowed answer contains.
	 */
	public static final Fixture IMPORT_PROGRESS = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Target planted = IMPORT.plant(world, owner, marker);
			return new Target(planted.id(), "href=\"/admin/users/import/" + planted.id() + "\"");
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return IMPORT.unexpectedChange(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		String who = "matrix-import-" + UUID.randomUUID().toString().substring(0, 8);
		return List.of(own(Endpoint.get("/admin/users/import").lists(IMPORT)),
				own(Endpoint.get("/api/v1/user-imports").lists(IMPORT)),
				Endpoint.post("/admin/users/import").file(csv(who + "-page")).allow(Persona.ADMIN),
				Endpoint.post("/api/v1/user-imports").file(csv(who + "-api")).allow(Persona.ADMIN),
				own(Endpoint.get("/admin/users/import/{id:\\d+}").on(IMPORT)),
				own(Endpoint.get("/admin/users/import/{id:\\d+}/progress").on(IMPORT_PROGRESS)),
				own(Endpoint.get("/api/v1/user-imports/{id}").on(IMPORT)),
				own(Endpoint.get("/api/v1/user-imports/{id}/rows").on(IMPORT)),
				own(Endpoint.post("/admin/users/import/{id:\\d+}/commit").on(IMPORT)),
				own(Endpoint.post("/api/v1/user-imports/{id}/commit").on(IMPORT)),
				own(Endpoint.post("/admin/users/import/{id:\\d+}/retry").on(FAILED_IMPORT)),
				own(Endpoint.post("/api/v1/user-imports/{id}/retry").on(FAILED_IMPORT)),
				own(Endpoint.post("/admin/users/import/{id:\\d+}/discard").on(IMPORT)),
				own(Endpoint.post("/api/v1/user-imports/{id}/discard").on(IMPORT)));
	}

	/** An administrator, on every import of their own institution. */
	private static Endpoint own(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	private static MockMultipartFile csv(String localPart) {
		String text = "email,full_name,role,department_code\n" + localPart + "@matrix.test,Matrix Imported,mentee,\n";
		return new MockMultipartFile("file", "matrix.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
