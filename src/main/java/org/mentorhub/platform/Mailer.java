package org.mentorhub.platform;

import java.util.Map;

/**
 * Sends an e-mail rendered from the templates {@code templates/mail/<template>.txt} (plain text) and
 * {@code templates/mail/<template>.html} (both are needed). Links in mail are built from
 * {@code mentorhub.platform.base-url}, available to templates as {@code baseUrl}.
 */
public interface Mailer {

	/** Renders and sends (or, without SMTP, stores in the outbox) one message. */
	void send(String to, String subject, String template, Map<String, ?> model);

}
