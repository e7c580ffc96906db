package org.mentorhub.wellbeing.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * A small VADER-style sentiment scorer with its own bundled lexicon
 * ({@code wellbeing/chat/sentiment-lexicon.txt}, word and valence from -4 to 4). The VADER port named
 * in the issue is not available from the package registry these machines reach, so this follows
 * VADER's method on a smaller word list: valences are summed, a negation in the three words before
 * flips and damps a word (x -0.74), an intensifier before it adds 0.293 in its direction, an
 * exclamation mark adds a little, and the sum is normalised as {@code x / sqrt(x*x + 15)}.
 */
@Component
class LexiconSentiment implements SentimentAnalyzer {

	static final String RESOURCE = "/wellbeing/chat/sentiment-lexicon.txt";

	private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "dont", "doesnt", "didnt", "isnt",
			"wasnt", "cant", "couldnt", "wont", "nothing", "nobody", "hardly", "without", "aint", "arent");

	private static final Set<String> BOOSTERS = Set.of("very", "so", "really", "extremely", "incredibly", "totally",
			"completely", "absolutely", "too", "super", "deeply");

	private static final double ALPHA = 15;

	private final Map<String, Double> lexicon;

	LexiconSentiment() {
		this.lexicon = load();
	}

	@Override
	public double score(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		List<String> words = List.of(text.toLowerCase(Locale.ROOT).replaceAll("['’]", "").split("[^\\p{L}]+"));
		double sum = 0;
		for (int i = 0; i < words.size(); i++) {
			Double valence = this.lexicon.get(words.get(i));
			if (valence == null) {
				continue;
			}
			double v = valence;
			if (i > 0 && BOOSTERS.contains(words.get(i - 1))) {
				v += Math.signum(v) * 0.293;
			}
			for (int back = 1; back <= 3 && i - back >= 0; back++) {
				if (NEGATIONS.contains(words.get(i - back))) {
					v *= -0.74;
					break;
				}
			}
			sum += v;
		}
		if (sum == 0) {
			return 0;
		}
		long bangs = Math.min(4, text.chars().filter(c -> c == '!').count());
		sum += Math.signum(sum) * bangs * 0.292;
		return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
	}

	private static Map<String, Double> load() {
		Map<String, Double> words = new HashMap<>();
		try (InputStream in = LexiconSentiment.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The sentiment lexicon " + RESOURCE + " is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line : reader.lines().toList()) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] parts = trimmed.split("\\s+");
				words.put(parts[0], Double.parseDouble(parts[1]));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(words);
	}

}
