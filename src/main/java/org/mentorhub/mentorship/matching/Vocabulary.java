package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns goal and expertise texts into word ids: lower case, split at anything that is not a letter
 * or digit, short words and common English stop words dropped. Thread-safe.
 */
public final class Vocabulary {

	private static final Set<String> STOP_WORDS = Set.of("and", "the", "for", "with", "into", "from", "that",
			"this", "want", "would", "like", "learn", "learning", "better", "more", "about", "how", "get", "my",
			"your", "our", "are", "was", "will", "can", "have", "has", "help", "need", "some", "also", "its", "not",
			"but", "all", "any", "who", "what", "when", "where", "which", "their", "them", "they", "you");

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> words = new ArrayList<>();

	/** The ids of the words of the text, new words added. */
	public synchronized int[] tokens(String text) {
		if (text == null || text.isBlank()) {
			return new int[0];
		}
		List<Integer> out = new ArrayList<>();
		for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (raw.length() < 3 || STOP_WORDS.contains(raw)) {
				continue;
			}
			out.add(this.ids.computeIfAbsent(raw, word -> {
				this.words.add(word);
				return this.words.size() - 1;
			}));
		}
		return Ids.sortedDistinct(out.stream().mapToInt(Integer::intValue).toArray());
	}

	/** The word of an id. */
	public synchronized String word(int id) {
		return this.words.get(id);
	}

}
