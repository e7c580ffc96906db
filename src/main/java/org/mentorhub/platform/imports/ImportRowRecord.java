package org.mentorhub.platform.imports;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.mentorhub.platform.StateTransitionException;

/**
 * The columns every module's import row table shares: the import, the line of the file and its
 * problems (one per line in {@code errors}). Rows are written in one batch at upload; after that only
 * their outcome (the module's own enumeration) changes, and only while the row is pending.
 */
@MappedSuperclass
public abstract class ImportRowRecord {

	/** Problems are stored one per line in the {@code errors} column. */
	public static final String PROBLEM_SEPARATOR = "\n";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long importId;

	private int lineNumber;

	private String errors;

	protected ImportRowRecord() {
	}

	/** Whether the row still waits to be applied. */
	public abstract boolean isPending();

	/** Refuses to change a row that was processed already. */
	protected void requirePending() {
		if (!isPending()) {
			throw new StateTransitionException("This row has already been processed.");
		}
	}

	/** Records why the row was not applied (at most 2,000 characters); only a pending row. */
	protected void note(String problem) {
		requirePending();
		this.errors = problem == null || problem.length() <= 2000 ? problem : problem.substring(0, 2000);
	}

	/** The row's problems (or, for an unchanged row, why), one per entry. */
	public List<String> problems() {
		return this.errors == null ? List.of() : Arrays.asList(this.errors.split(PROBLEM_SEPARATOR));
	}

	public Long getId() {
		return this.id;
	}

	public Long getImportId() {
		return this.importId;
	}

	public int getLineNumber() {
		return this.lineNumber;
	}

	public String getErrors() {
		return this.errors;
	}

}
