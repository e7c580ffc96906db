package org.mentorhub.platform.mail;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The development outbox: mail that MentorHub "sent" while no SMTP server is configured. Only the
 * platform administrator may read it, because it holds single-use links.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class OutboxPageController {

	private final JdbcClient jdbc;

	OutboxPageController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One line of the outbox list. */
	record OutboxLine(long id, String recipient, String subject, LocalDateTime createdAt) {
	}

	/** One message. */
	record OutboxMessage(long id, String recipient, String subject, String bodyText, LocalDateTime createdAt) {
	}

	/** An attachment of a message: a text one is shown, a binary one (kept Base64-encoded) only named. */
	record OutboxAttachment(String filename, String contentType, String content) {

		/** Whether the attachment is text (shown as it is). */
		public boolean text() {
			return this.contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/");
		}

	}

	@GetMapping("/platform/outbox")
	@Transactional(readOnly = true)
	String outbox(Model model) {
		List<OutboxLine> mails = this.jdbc
			.sql("SELECT id, recipient, subject, created_at FROM outbox_mails ORDER BY id DESC LIMIT 100")
			.query(OutboxLine.class)
			.list();
		model.addAttribute("mails", mails);
		return "platform/outbox";
	}

	@GetMapping("/platform/outbox/{id}")
	@Transactional(readOnly = true)
	String message(@PathVariable long id, Model model) {
		OutboxMessage message = this.jdbc
			.sql("SELECT id, recipient, subject, body_text, created_at FROM outbox_mails WHERE id = :id")
			.param("id", id)
			.query(OutboxMessage.class)
			.optional()
			.orElseThrow(() -> new org.mentorhub.platform.NotFoundException("No such mail"));
		model.addAttribute("mail", message);
		model.addAttribute("attachments", this.jdbc
			.sql("SELECT filename, content_type, content FROM outbox_mail_attachments WHERE mail_id = :id ORDER BY id")
			.param("id", id)
			.query(OutboxAttachment.class)
			.list());
		return "platform/outbox-message";
	}

}
