package org.mentorhub.attachment;

import java.util.regex.Pattern;

/**
 * The one form of a file store key, which {@link Attachments} generates: two hex digits, a slash, 32 hex
 * digits and an optional short extension ({@code 3f/3f2a...9c.png}). Every store refuses anything else
 * before it touches its storage.
 */
final class FileStoreKeys {

	static final Pattern KEY = Pattern.compile("^[0-9a-f]{2}/[0-9a-f]{32}(\\.[a-z0-9]{1,8})?$");

	private FileStoreKeys() {
	}

	static String require(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a file store key");
		}
		return key;
	}

}
