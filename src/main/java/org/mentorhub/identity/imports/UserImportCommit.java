package org.mentorhub.identity.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.RoleName;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.imports.ImportPipeline;
import org.mentorhub.platform.jobs.Jobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The user import's rows in the import kit's background commit: each valid row is invited through
 * {@link Invitations}, as the administrator who committed it, with the same rules and audit as an
 * invitation by hand. A row whose address was taken meanwhile is UNCHANGED; one whose department
 * was recoded meanwhile becomes INVALID with the reason; the others go on.
 */
@Component
class UserImportCommit extends ImportPipeline<UserImport> {

	static final String KIND = "identity.user-import";

	private final UserImportRepository imports;

	private final UserImportRowRepository rows;

	private final ObjectProvider<Invitations> invitations;

	private final Organizations organizations;

	private final AuditTrail audit;

	UserImportCommit(UserImportRepository imports, UserImportRowRepository rows,
			ObjectProvider<Invitations> invitations, ObjectProvider<UserImports> service, Organizations organizations,
			AuditTrail audit, Jobs jobs, PlatformTransactionManager transactionManager, Clock clock) {
		super(new Names(KIND, "USER_IMPORT", "createdRows"), imports, rows, service, jobs, transactionManager,
				clock);
		this.imports = imports;
		this.rows = rows;
		this.invitations = invitations;
		this.organizations = organizations;
		this.audit = audit;
	}

	@Override
	protected void audit(String action, long importId, Map<String, Object> before, Map<String, Object> after) {
		this.audit.record(AuditRecord.change(action, "user_imports", importId, before, after));
	}

	@Override
	protected void applyRow(UserImport upload, long rowId) {
		UserImportRow row = this.rows.findById(rowId).orElseThrow();
		if (!row.isPending()) {
			return;
		}
		if (this.invitations.getObject().emailTaken(row.getEmail())) {
			row.unchanged(UserImports.ALREADY_EXISTS);
			this.imports.countProcessedRow(upload.getId(), 0);
			return;
		}
		Long departmentId = null;
		if (row.getDepartmentCode() != null && !row.getDepartmentCode().isBlank()) {
			departmentId = this.organizations.findDepartmentByCode(upload.getInstitutionId(), row.getDepartmentCode())
				.map(DepartmentSummary::id)
				.orElseThrow(() -> new InvalidInputException("departmentCode",
						"The department code '" + row.getDepartmentCode() + "' no longer exists."));
		}
		RoleName role = UserAdministration.roleOrNull(row.getRoleName());
		long userId = this.invitations.getObject()
			.invite(new Invitations.Invitation(row.getEmail(), row.getFullName(), List.of(role), departmentId));
		row.created(userId);
		this.imports.countProcessedRow(upload.getId(), 1);
	}

	@Override
	protected boolean settleRow(UserImport upload, long rowId, RuntimeException failure) {
		if (failure instanceof InvalidInputException invalid) {
			return settle(upload.getId(), rowId, row -> row.rejected(String.join(" ",
					invalid.problems().stream().map(InvalidInputException.FieldProblem::message).toList())));
		}
		if (failure instanceof DataIntegrityViolationException) {
			// A concurrent invitation took the address between the check and the insert.
			return settle(upload.getId(), rowId, row -> row.unchanged(UserImports.ALREADY_EXISTS));
		}
		return false;
	}

	private boolean settle(long importId, long rowId, Consumer<UserImportRow> outcome) {
		UserImportRow row = this.rows.findById(rowId).orElseThrow();
		if (row.isPending()) {
			outcome.accept(row);
			this.imports.countProcessedRow(importId, 0);
		}
		return true;
	}

}
