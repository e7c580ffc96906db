package org.mentorhub.profile.academic;

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
 * Matrix rows of the academic data import (STUDENT_RISK_WRITE): an administrator uploads, reads,
 * commits and discards every import of their own institution, whoever uploaded it; a coordinator only
 * their own imports (another person's import may hold other departments' data); mentors, mentees,
 * new mothers and the platform administrator none. Another institution's import is not found.
 */
public class AcademicImportMatrixRows extends ImportMatrixRows {

	private static final String STATE = "status, processed_rows, applied_rows, finished_at, version";

	/** A previewed import uploaded by the owner; the marker is in its file name. */
	public static final Fixture IMPORT = planted("academic_imports", STATE, "grades-", "PREVIEW");

	/** The same, as a commit that failed (an error, or a restart), which its uploader may retry. */
	public static final Fixture FAILED_IMPORT = planted("academic_imports", STATE, "grades-", "FAILED");

	private final String roll = "MXI" + UUID.randomUUID().toString().substring(0, 8);

	public AcademicImportMatrixRows() {
		super("/admin/academic-imports", "/api/v1/academic-imports", IMPORT, FAILED_IMPORT);
	}

	/** An administrator on every import of their institution; a coordinator on their own. */
	@Override
	protected Endpoint allowed(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN);
	}

	@Override
	protected Endpoint mayUpload(Endpoint row) {
		return row.allow(Persona.ADMIN).allow(Persona.COORDINATOR);
	}

	/** A file whose one row names no student: it previews (one ERROR row) and changes nothing. */
	@Override
	protected MockMultipartFile upload(String marker) {
		return csv("matrix-grades.csv", "roll_number,gpa\n" + this.roll + marker + ",3.5\n");
	}

	@Override
	protected List<Endpoint> moduleRows(Fixture preview) {
		return List.of(mayUpload(Endpoint.get("/admin/academic-imports/template.csv")),
				allowed(Endpoint.get("/api/v1/academic-imports/{id}").on(preview)),
				allowed(Endpoint.get("/api/v1/academic-imports/{id}/progress").on(preview)));
	}

}
