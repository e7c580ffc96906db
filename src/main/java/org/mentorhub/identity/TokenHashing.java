package org.mentorhub.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens for single-use links and API tokens, and their SHA-256 hashes: only the hash is
 * stored, so a database leak reveals no usable token (QUALITY S5).
 */
public final class TokenHashing {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenHashing() {
	}

	/** A new token of 256 random bits, URL-safe. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The lower-case hex SHA-256 of the text. */
	public static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
