package org.mentorhub.platform.mail;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.PlatformProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders mail with Thymeleaf and sends it through SMTP when {@code spring.mail.host} is set.
 * Without SMTP (the embedded default) it stores the message in the development outbox, which only
 * the platform administrator can read at {@code /platform/outbox}. With {@code send}, a failing SMTP
 * server never fails the user's action: the error is logged without the message body; with
 * {@code deliver} (event listeners) it throws, so the publication is retried. Binary attachments (a
 * PDF) are kept in the outbox Base64-encoded, in the same text column as text ones.
 */
@Component
class TemplateMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(TemplateMailer.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final ITemplateEngine templates;

	private final JdbcClient jdbc;

	private final PlatformProperties properties;

	private final MailProperties mail;

	private final Clock clock;

	private final MeterRegistry meters;

	TemplateMailer(ObjectProvider<JavaMailSender> sender, ITemplateEngine templates, JdbcClient jdbc,
			PlatformProperties properties, MailProperties mail, Clock clock, ObjectProvider<MeterRegistry> meters) {
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		this.sender = sender;
		this.templates = templates;
		this.jdbc = jdbc;
		this.properties = properties;
		this.mail = mail;
		this.clock = clock;
	}

	@Override
	public void send(String to, String subject, String template, Map<String, ?> model, List<Attachment> attachments) {
		try {
			deliver(to, subject, template, model, attachments);
		}
		catch (MailException ex) {
			log.warn("Could not send the '{}' mail: {}", template, ex.getClass().getSimpleName());
		}
	}

	@Override
	public void deliver(String to, String subject, String template, Map<String, ?> model,
			List<Attachment> attachments) {
		String transport = this.sender.getIfAvailable() == null ? "outbox" : "smtp";
		try {
			render(to, subject, template, model, attachments);
			count(transport, "sent");
		}
		catch (RuntimeException ex) {
			count(transport, "failed");
			throw ex;
		}
	}

	/** {@code mentorhub.mails}: each mail sent or failed, by transport (smtp, or the development outbox). */
	private void count(String transport, String outcome) {
		Counter.builder("mentorhub.mails")
			.description("Mails sent or failed, by transport")
			.tags("transport", transport, "outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private void render(String to, String subject, String template, Map<String, ?> model,
			List<Attachment> attachments) {
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("baseUrl", this.properties.baseUrl().toString().replaceAll("/+$", ""));
		variables.put("subject", subject);
		Context context = new Context(Locale.ENGLISH, variables);
		String text = this.templates.process("mail/" + template + ".txt", context);
		String html = this.templates.process("mail/" + template, context);
		JavaMailSender smtp = this.sender.getIfAvailable();
		if (smtp == null) {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO outbox_mails (recipient, subject, body_text, body_html, created_at)
					VALUES (:to, :subject, :text, :html, :at)""")
				.param("to", to)
				.param("subject", subject)
				.param("text", text)
				.param("html", html)
				.param("at", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update(keys, "id");
			long mailId = keys.getKeyAs(Number.class).longValue();
			for (Attachment attachment : attachments) {
				this.jdbc.sql("""
						INSERT INTO outbox_mail_attachments (mail_id, filename, content_type, content)
						VALUES (:mail, :filename, :type, :content)""")
					.param("mail", mailId)
					.param("filename", attachment.filename())
					.param("type", attachment.contentType())
					.param("content", attachment.binary() ? Base64.getMimeEncoder().encodeToString(attachment.bytes())
							: attachment.content())
					.update();
			}
			return;
		}
		try {
			MimeMessage message = smtp.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.mail.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
			for (Attachment attachment : attachments) {
				helper.addAttachment(attachment.filename(),
						new ByteArrayResource(attachment.payload()),
						attachment.contentType());
			}
			smtp.send(message);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not build the '" + template + "' mail", ex);
		}
	}

}
