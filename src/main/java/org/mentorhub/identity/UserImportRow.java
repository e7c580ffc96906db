package org.mentorhub.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One data row of an uploaded CSV file, with its problems and what became of it. Rows are written
 * in one batch at upload (see {@link UserImports}); after that only their outcome changes.
 */
@Entity
@Table(name = "user_import_rows")
class UserImportRow {

	/** Problems are stored one per line in the {@code errors} column. */
	static final String PROBLEM_SEPARATOR = "\n";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long importId;

	private int lineNumber;

	private String email;

	private String fullName;

	private String roleName;

	private String departmentCode;

	private String errors;

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
	void unchanged(String note) {
		requirePending();
		this.outcome = UserImports.Outcome.UNCHANGED;
		this.errors = note;
	}

	/** The row turned out invalid at commit time (e.g. its department was renamed meanwhile). */
	void rejected(String problem) {
		requirePending();
		this.outcome = UserImports.Outcome.INVALID;
		this.errors = problem.length() > 2000 ? problem.substring(0, 2000) : problem;
	}

	boolean isPending() {
		return this.outcome == UserImports.Outcome.PENDING;
	}

	private void requirePending() {
		if (this.outcome != UserImports.Outcome.PENDING) {
			throw new org.mentorhub.platform.StateTransitionException("This row has already been processed.");
		}
	}

	Long getId() {
		return this.id;
	}

	int getLineNumber() {
		return this.lineNumber;
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

	String getErrors() {
		return this.errors;
	}

	UserImports.Outcome getOutcome() {
		return this.outcome;
	}

	Long getUserId() {
		return this.userId;
	}

}
