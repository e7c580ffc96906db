package org.mentorhub.identity.imports;

import java.util.List;
import java.util.UUID;

import org.mentorhub.platform.imports.ImportMatrixRows;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.springframework.mock.web.MockMultipartFile;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the CSV user import: an administrator (USER_IMPORT) uploads, reads, commits and
 * discards the imports of their own institution, whoever uploaded them; nobody else may (the
 * platform administrator and coordinators neither), and another institution's import is not found.
 */
public class UserImportMatrixRows extends ImportMatrixRows {

	private static final String STATE = "status, processed_rows, finished_at, version";

	/** A previewed import uploaded by the owner; the marker is in its file name. */
	public static final Fixture IMPORT = planted("user_imports", STATE, "people-", "PREVIEW");

	/** The same, as a commit that failed (an error, or a restart), which its uploader may retry. */
	public static final Fixture FAILED_IMPORT = planted("user_imports", STATE, "people-", "FAILED");

	private final String who = "matrix-import-" + UUID.randomUUID().toString().substring(0, 8);

	public UserImportMatrixRows() {
		super("/admin/users/import", "/api/v1/user-imports", IMPORT, FAILED_IMPORT);
	}

	/** An administrator, on every import of their own institution. */
	@Override
	protected Endpoint allowed(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	@Override
	protected Endpoint mayUpload(Endpoint row) {
		return row.allow(Persona.ADMIN);
	}

	@Override
	protected MockMultipartFile upload(String marker) {
		return csv("matrix.csv", "email,full_name,role,department_code\n" + this.who + "-" + marker
				+ "@matrix.test,Matrix Imported,mentee,\n");
	}

	@Override
	protected List<Endpoint> moduleRows(Fixture preview) {
		return List.of(allowed(Endpoint.get("/api/v1/user-imports/{id}").on(preview)),
				allowed(Endpoint.get("/api/v1/user-imports/{id}/rows").on(preview)));
	}

}
