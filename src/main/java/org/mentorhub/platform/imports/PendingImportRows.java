package org.mentorhub.platform.imports;

import java.util.List;

/**
 * What the background commit ({@link ImportPipeline}) needs of a module's row table: a module's row
 * repository implements it with default methods over its own queries and outcomes.
 */
public interface PendingImportRows {

	/** The rows of the import still waiting to be applied, in file order. */
	List<Long> pendingRowIds(long importId);

	/** Marks the rows of the import still waiting as skipped (a discard); returns how many. */
	int skipPendingRows(long importId);

}
