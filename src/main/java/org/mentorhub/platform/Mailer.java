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
	 * Like {@link #send(String, String, String, Map)}, with text attachments (an iCalendar invitation,
	 * say). The outbox keeps them beside the message.
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
	 * A text attachment.
	 * @param filename the file name the recipient sees, such as {@code invite.ics}
	 * @param contentType the full MIME type with its parameters, such as
	 * {@code text/calendar; method=REQUEST; charset=UTF-8}
	 * @param content the text (sent as UTF-8)
	 */
	record Attachment(String filename, String contentType, String content) {
	}

}
