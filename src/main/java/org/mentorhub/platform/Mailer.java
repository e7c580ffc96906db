package org.mentorhub.platform;

import java.util.List;
import java.util.Map;

/**
 * Sends an e-mail rendered from the templates {@code templates/mail/<template>.txt} (plain text) and
 * {@code templates/mail/<template>.html} (both are needed). Links in mail are built from
 * {@code mentorhub.platform.base-url}, available to templates as {@code baseUrl}.
 */
public interface Mailer {

	/** Renders and sends (or, without SMTP, stores in the outbox) one message. */
	default void send(String to, String subject, String template, Map<String, ?> model) {
		send(to, subject, template, model, List.of());
	}

	/**
	 * Like {@link #send(String, String, String, Map)}, with attachments (an iCalendar invitation, a
	 * PDF). The outbox keeps them beside the message (binary ones Base64-encoded).
	 */
	void send(String to, String subject, String template, Map<String, ?> model, List<Attachment> attachments);

	/**
	 * Like {@link #send(String, String, String, Map, List)}, but a failing SMTP server throws (a
	 * {@link org.springframework.mail.MailException}) instead of being logged. For event listeners: the
	 * listener fails, its publication stays incomplete in the registry and is resubmitted later.
	 */
	void deliver(String to, String subject, String template, Map<String, ?> model, List<Attachment> attachments);

	/** {@link #deliver(String, String, String, Map, List)} without attachments. */
	default void deliver(String to, String subject, String template, Map<String, ?> model) {
		deliver(to, subject, template, model, List.of());
	}

	/**
	 * An attachment: a text ({@code content}, sent as UTF-8) or, made with {@link #ofBytes}, a binary
	 * file ({@code bytes}, a PDF say).
	 * @param filename the file name the recipient sees, such as {@code invite.ics}
	 * @param contentType the full MIME type with its parameters, such as
	 * {@code text/calendar; method=REQUEST; charset=UTF-8}
	 * @param content the text, or null for a binary attachment
	 * @param bytes the file's bytes, or null for a text attachment
	 */
	record Attachment(String filename, String contentType, String content, byte[] bytes) {

		/** A text attachment (sent as UTF-8). */
		public Attachment(String filename, String contentType, String content) {
			this(filename, contentType, content, null);
		}

		/** A binary attachment, such as {@code application/pdf}. */
		public static Attachment ofBytes(String filename, String contentType, byte[] bytes) {
			return new Attachment(filename, contentType, null, bytes.clone());
		}

		/** Whether this is a binary attachment. */
		public boolean binary() {
			return this.bytes != null;
		}

		/** What is sent: the bytes, or the text as UTF-8. */
		public byte[] payload() {
			return this.bytes != null ? this.bytes.clone()
					: this.content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
