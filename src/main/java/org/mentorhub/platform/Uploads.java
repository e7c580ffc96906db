package org.mentorhub.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What every upload keeps of itself: a safe display name and the SHA-256 of its content. */
public final class Uploads {

	private Uploads() {
	}

	/**
	 * The name a browser sent, made safe to store and show: the last part of a path, without control
	 * characters, at most 255 characters; {@code fallback} when nothing is left. It is never used to
	 * name a file on disk.
	 */
	public static String safeName(String fileName, String fallback) {
		String name = fileName == null ? "" : fileName.strip();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "");
		if (name.isEmpty()) {
			name = fallback;
		}
		return name.length() <= 255 ? name : name.substring(0, 255);
	}

	/** The SHA-256 of the content, as 64 lower-case hex digits. */
	public static String sha256Hex(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
