package org.mentorhub.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file, decided from its content, never from its name: strict UTF-8 (a
 * byte-order mark is dropped), no control bytes that text never has, none of the common binary
 * formats' signatures. Each import reads its rows from this text and words the refusals for its own
 * page ({@link Unreadable#reason()}).
 */
public final class CsvText {

	/** Why an upload is not CSV text. */
	public enum Reason {

		/** Binary content (control bytes, or the signature of PDF, ZIP, GIF, RTF, XML or HTML). */
		NOT_CSV,
		/** Text, but not valid UTF-8. */
		NOT_UTF8

	}

	/** An upload that is not CSV text. */
	public static final class Unreadable extends RuntimeException {

		private final Reason reason;

		Unreadable(Reason reason) {
			super(reason.name());
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

	}

	private CsvText() {
	}

	/** The text of the upload; {@link Unreadable} if it is not CSV text. */
	public static String of(byte[] content) {
		if (looksBinary(content)) {
			throw new Unreadable(Reason.NOT_CSV);
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new Unreadable(Reason.NOT_UTF8);
		}
	}

	/** Whether the first 8 KB hold a byte that text never has, or the file starts like a known binary format. */
	public static boolean looksBinary(byte[] content) {
		int inspected = Math.min(content.length, 8192);
		for (int i = 0; i < inspected; i++) {
			int b = content[i] & 0xFF;
			if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')) {
				return true;
			}
		}
		return startsWith(content, "%PDF") || startsWith(content, "PK") || startsWith(content, "GIF8")
				|| startsWith(content, "{\\rtf") || startsWith(content, "<?xml") || startsWith(content, "<!DOCTYPE")
				|| startsWith(content, "<html");
	}

	/**
	 * A cell as it is safe to open in a spreadsheet: text that a spreadsheet would run as a formula (starting
	 * with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP CSV injection); null is empty.
	 * The one rule of every CSV and XLSX export.
	 */
	public static String safeCell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	/** Semicolons when the header row has them and no commas (spreadsheets in many locales), else commas. */
	public static char separatorOf(String text) {
		int end = text.indexOf('\n');
		String firstLine = end < 0 ? text : text.substring(0, end);
		return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
	}

	private static boolean startsWith(byte[] content, String magic) {
		byte[] bytes = magic.getBytes(StandardCharsets.US_ASCII);
		if (content.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if (Character.toLowerCase(content[i]) != Character.toLowerCase(bytes[i])) {
				return false;
			}
		}
		return true;
	}

}
