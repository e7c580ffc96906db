package org.mentorhub.platform.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Helpers every import's service uses alike on its preview rows. */
public final class ImportRows {

	private ImportRows() {
	}

	/**
	 * The rows of each outcome, from a row repository's {@code (outcome, count)} pairs; an outcome with
	 * no rows is absent.
	 */
	public static <E extends Enum<E>> Map<E, Integer> countByOutcome(Class<E> outcomes, List<Object[]> counts) {
		Map<E, Integer> byOutcome = new EnumMap<>(outcomes);
		for (Object[] count : counts) {
			byOutcome.put(outcomes.cast(count[0]), ((Number) count[1]).intValue());
		}
		return byOutcome;
	}

	/** A cell cut to the length of its column (null stays null). */
	public static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
