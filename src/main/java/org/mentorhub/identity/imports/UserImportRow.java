package org.mentorhub.identity.imports;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.mentorhub.platform.imports.ImportRowRecord;

/**
 * One data row of an uploaded CSV file of people, with its problems and what became of it. Rows are
 * written in one batch at upload (see {@link UserImports}); after that only their outcome changes.
 */
@Entity
@Table(name = "user_import_rows")
class UserImportRow extends ImportRowRecord {

	private String email;

	private String fullName;

	private String roleName;

	private String departmentCode;

	@Enumerated(EnumType.STRING)
	private UserImports.Outcome outcome;

	private Long userId;

	protected UserImportRow() {
	}

	/** The account was created (invited). */
	void created(long newUserId) {
		requirePending();
		this.outcome = UserImports.Outcome.CREATED;
		this.userId = newUserId;
	}

	/** An account with the address exists already: nothing to do, which makes a re-run harmless. */
	void unchanged(String reason) {
		note(reason);
		this.outcome = UserImports.Outcome.UNCHANGED;
	}

	/** The row turned out invalid at commit time (e.g. its department was renamed meanwhile). */
	void rejected(String problem) {
		note(problem);
		this.outcome = UserImports.Outcome.INVALID;
	}

	@Override
	public boolean isPending() {
		return this.outcome == UserImports.Outcome.PENDING;
	}

	String getEmail() {
		return this.email;
	}

	String getFullName() {
		return this.fullName;
	}

	String getRoleName() {
		return this.roleName;
	}

	String getDepartmentCode() {
		return this.departmentCode;
	}

	UserImports.Outcome getOutcome() {
		return this.outcome;
	}

	Long getUserId() {
		return this.userId;
	}

}
