package org.mentorhub.platform.imports;

/**
 * What every import's preview (the import with every row) tells the shared controllers: its summary.
 *
 * @param <S> the module's import summary
 */
public interface ImportWithRows<S extends ImportProgress> {

	/** The import's state and counters. */
	S summary();

}
