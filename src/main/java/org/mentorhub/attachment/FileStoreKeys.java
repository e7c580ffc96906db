package org.mentorhub.attachment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one form of a file store key, which {@link Attachments} and {@link PrivateArchives} generate: two hex
 * digits, a slash, 32 hex digits and an optional short extension ({@code 3f/3f2a...9c.png}). Every store
 * refuses anything else before it touches its storage.
 */
final class FileStoreKeys {

	static final Pattern KEY = Pattern.compile("^[0-9a-f]{2}/[0-9a-f]{32}(\\.[a-z0-9]{1,8})?$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private FileStoreKeys() {
	}

	/** A new key: 128 random bits, with the extension ({@code .png}, or empty). */
	static String generate(String extension) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String hex = HexFormat.of().formatHex(random);
		return hex.substring(0, 2) + "/" + hex + extension;
	}

	static String require(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a file store key");
		}
		return key;
	}

}
