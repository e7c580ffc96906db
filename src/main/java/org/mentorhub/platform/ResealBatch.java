package org.mentorhub.platform;

import java.util.List;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one batch of a key rotation did: rows re-sealed, rows that could not be opened, the last id seen
 * (the next batch starts after it) and whether the batch was full (there may be more).
 *
 * @param resealed rows now sealed under the active key
 * @param unreadable rows left as they were because their value cannot be opened
 * @param lastId the id of the last row of the batch (the next one starts after it)
 * @param full whether the batch had {@code limit} rows, so that another one may follow
 */
public record ResealBatch(int resealed, int unreadable, long lastId, boolean full) {

	private static final Logger log = LoggerFactory.getLogger(ResealBatch.class);

	/** A row of a batch: its id and the work that re-seals it (false, or a thrown refusal: unreadable). */
	public interface Row {

		/** Re-seals the row's value(s) and writes them; throws {@link SecretBox.TamperedException} when they cannot be opened. */
		void reseal();

	}

	/** Re-seals each row of a batch read with {@code limit}, counting the ones that cannot be opened. */
	public static <R extends Row> ResealBatch of(String name, List<R> rows, int limit, long afterId, ToLongFunction<R> id) {
		int resealed = 0;
		int unreadable = 0;
		long last = afterId;
		for (R row : rows) {
			last = id.applyAsLong(row);
			try {
				row.reseal();
				resealed++;
			}
			catch (SecretBox.TamperedException ex) {
				unreadable++;
				log.warn("Cannot re-seal {} row {}: {}", name, last, ex.getMessage());
			}
		}
		return new ResealBatch(resealed, unreadable, last, rows.size() >= limit);
	}

}
