package org.mentorhub.wellbeing.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The deterministic crisis screen of the support chat (docs/support-chat.md): a list of phrases about
 * suicide, self-harm, harm to a baby and abuse, in English, Spanish, French and German, matched on a
 * normalised text. Tuned for recall: case, accents, digits used as letters, repeated letters,
 * apostrophes and common contractions are normalised away, and the words marked as often misspelt
 * also match with one letter wrong, missing, added or swapped. No model and no sentiment score is
 * involved: the same text always gives the same answer.
 *
 * <p>The phrases are in {@code wellbeing/chat/crisis-phrases.txt}, one a line as
 * {@code CATEGORY phrase}: words separated by spaces, {@code (a|b)} for alternatives, {@code word*}
 * for any ending, {@code word~} (or {@code word*~}) for a word that also matches with one typo,
 * {@code ...} for up to three words in between and {@code $} for the end of the message.
 */
public final class CrisisScreen {

	/** What a hit is about. */
	public enum Category {
		SUICIDE, SELF_HARM, HARM_TO_BABY, ABUSE
	}

	/** A hit: the category and the line of the phrase list that matched (never the message). */
	public record Hit(Category category, String phrase) {
	}

	static final String RESOURCE = "/wellbeing/chat/crisis-phrases.txt";

	private static final int GAP = 3;

	private final List<Phrase> phrases;

	private record Alternative(String text, boolean prefix, boolean fuzzy) {
	}

	/** One position of a phrase: a gap, or a word with its alternatives (one alternative may be several words). */
	private record Slot(boolean gap, boolean end, List<List<Alternative>> alternatives) {
	}

	private record Phrase(Category category, String source, List<Slot> slots) {
	}

	/** The screen with the bundled phrase list. */
	public static CrisisScreen bundled() {
		try (InputStream in = CrisisScreen.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The crisis phrase list " + RESOURCE + " is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			return new CrisisScreen(reader.lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	CrisisScreen(List<String> lines) {
		List<Phrase> parsed = new ArrayList<>();
		for (String line : lines) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int space = trimmed.indexOf(' ');
			Category category = Category.valueOf(trimmed.substring(0, space));
			parsed.add(new Phrase(category, trimmed, slots(trimmed.substring(space + 1))));
		}
		this.phrases = List.copyOf(parsed);
	}

	/** The first phrase the text matches, if any. */
	public Optional<Hit> screen(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		List<String> words = words(text);
		for (Phrase phrase : this.phrases) {
			for (int start = 0; start < words.size(); start++) {
				if (matches(phrase.slots(), 0, words, start)) {
					return Optional.of(new Hit(phrase.category(), phrase.source()));
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the text contains crisis language. */
	public boolean isCrisis(String text) {
		return screen(text).isPresent();
	}

	private static boolean matches(List<Slot> slots, int slot, List<String> words, int at) {
		if (slot == slots.size()) {
			return true;
		}
		Slot current = slots.get(slot);
		if (current.end()) {
			return at == words.size() && matches(slots, slot + 1, words, at);
		}
		if (current.gap()) {
			for (int skip = 0; skip <= GAP && at + skip <= words.size(); skip++) {
				if (matches(slots, slot + 1, words, at + skip)) {
					return true;
				}
			}
			return false;
		}
		for (List<Alternative> sequence : current.alternatives()) {
			if (at + sequence.size() > words.size()) {
				continue;
			}
			boolean all = true;
			for (int i = 0; i < sequence.size() && all; i++) {
				all = wordMatches(sequence.get(i), words.get(at + i));
			}
			if (all && matches(slots, slot + 1, words, at + sequence.size())) {
				return true;
			}
		}
		return false;
	}

	private static boolean wordMatches(Alternative alternative, String word) {
		String want = alternative.text();
		if (alternative.prefix()) {
			if (word.startsWith(want)) {
				return true;
			}
			if (!alternative.fuzzy()) {
				return false;
			}
			for (int length = want.length() - 1; length <= want.length() + 1; length++) {
				if (length > 0 && word.length() >= length && withinOneEdit(want, word.substring(0, length))) {
					return true;
				}
			}
			return false;
		}
		return word.equals(want) || (alternative.fuzzy() && withinOneEdit(want, word));
	}

	/** Damerau-Levenshtein distance of at most 1 (one letter changed, missing, added or two swapped). */
	static boolean withinOneEdit(String a, String b) {
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1) {
			return false;
		}
		if (la == lb) {
			int first = -1;
			int differences = 0;
			for (int i = 0; i < la; i++) {
				if (a.charAt(i) != b.charAt(i)) {
					if (differences++ == 0) {
						first = i;
					}
				}
			}
			if (differences <= 1) {
				return true;
			}
			return differences == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
					&& a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
		}
		String shorter = la < lb ? a : b;
		String longer = la < lb ? b : a;
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		return shorter.substring(i).equals(longer.substring(i + 1));
	}

	private static List<Slot> slots(String pattern) {
		List<Slot> slots = new ArrayList<>();
		for (String token : pattern.split("\\s+(?![^(]*\\))")) {
			if (token.equals("...")) {
				slots.add(new Slot(true, false, List.of()));
				continue;
			}
			if (token.equals("$")) {
				slots.add(new Slot(false, true, List.of()));
				continue;
			}
			String body = token.startsWith("(") && token.endsWith(")") ? token.substring(1, token.length() - 1) : token;
			List<List<Alternative>> alternatives = new ArrayList<>();
			for (String alternative : body.split("\\|")) {
				List<Alternative> sequence = new ArrayList<>();
				for (String word : alternative.strip().split("\\s+")) {
					boolean fuzzy = word.endsWith("~");
					String bare = fuzzy ? word.substring(0, word.length() - 1) : word;
					boolean prefix = bare.endsWith("*");
					List<String> normal = words(prefix ? bare.substring(0, bare.length() - 1) : bare);
					for (int i = 0; i < normal.size(); i++) {
						boolean last = i == normal.size() - 1;
						sequence.add(new Alternative(normal.get(i), prefix && last, fuzzy && last));
					}
				}
				alternatives.add(sequence);
			}
			slots.add(new Slot(false, false, alternatives));
		}
		return slots;
	}

	/**
	 * The normalised words of a text: lower case without accents, digits and symbols read as the
	 * letters they stand for, apostrophes dropped, runs of one letter made one, and a few contractions
	 * spelled out.
	 */
	static List<String> words(String text) {
		String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replaceAll("['’‘`´]", "");
		StringBuilder letters = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			char mapped = switch (c) {
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			};
			letters.append(Character.isLetter(mapped) ? mapped : ' ');
		}
		List<String> words = new ArrayList<>();
		for (String raw : letters.toString().trim().split("\\s+")) {
			if (raw.isEmpty()) {
				continue;
			}
			String word = collapse(raw);
			switch (word) {
				case "wana", "wanna" -> {
					words.add("want");
					words.add("to");
				}
				case "gona" -> {
					words.add("going");
					words.add("to");
				}
				case "canot" -> words.add("cant");
				default -> words.add(word);
			}
		}
		for (int i = 0; i + 1 < words.size(); i++) {
			String pair = words.get(i) + " " + words.get(i + 1);
			String joined = switch (pair) {
				case "do not" -> "dont";
				case "can not" -> "cant";
				case "i am" -> "im";
				case "self harm" -> "selfharm";
				default -> null;
			};
			if (joined != null) {
				words.set(i, joined);
				words.remove(i + 1);
			}
		}
		return words;
	}

	private static String collapse(String word) {
		StringBuilder out = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
				out.append(word.charAt(i));
			}
		}
		return out.toString();
	}

}
