package org.mentorhub.messaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's plain text cut into parts for display: text, and links made of {@code http} and
 * {@code https} addresses only. The page prints every part with {@code th:text} (escaped) and a link's
 * address with {@code th:href}, so nothing in a message ever becomes markup.
 */
final class MessageText {

	/** An address up to the next blank or a character that cannot end it unescaped. */
	private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");

	private static final String TRAILING = ".,;:!?)]}'\"";

	private MessageText() {
	}

	static List<TextPart> parts(String text) {
		List<TextPart> parts = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return parts;
		}
		Matcher matcher = LINK.matcher(text);
		int at = 0;
		while (matcher.find()) {
			String address = matcher.group();
			int end = address.length();
			while (end > 0 && TRAILING.indexOf(address.charAt(end - 1)) >= 0) {
				end--;
			}
			address = address.substring(0, end);
			if (!safe(address)) {
				continue;
			}
			if (matcher.start() > at) {
				parts.add(new TextPart(text.substring(at, matcher.start()), null));
			}
			parts.add(new TextPart(address, address));
			at = matcher.start() + address.length();
		}
		if (at < text.length()) {
			parts.add(new TextPart(text.substring(at), null));
		}
		return parts;
	}

	/** An absolute http(s) address with a host. */
	static boolean safe(String address) {
		try {
			URI uri = new URI(address);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
