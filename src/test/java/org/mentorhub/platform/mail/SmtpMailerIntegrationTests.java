package org.mentorhub.platform.mail;

import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentorhub.FreePorts;
import org.mentorhub.TestSmtp;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.platform.Mailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an SMTP server configured, mail goes out through it (here GreenMail, a real SMTP server
 * in the test JVM), rendered from both templates, and nothing lands in the development outbox.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
		"mentorhub.platform.base-url=https://mentors.example.edu" })
class SmtpMailerIntegrationTests {

	/** A free port, not a fixed one: CI runs two suites side by side on one machine. */
	static final int SMTP_PORT = FreePorts.next();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mailGoesThroughSmtpWithTextAndHtmlPartsAndLinksFromTheBaseUrl() throws Exception {
		String recipient = "smtp-test@mentorhub.test";
		long outboxBefore = this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails").query(Long.class).single();

		this.mailer.send(recipient, "You are invited", "invitation",
				Map.of("name", "Sam Smtp", "institution", "Northbridge University", "token", "abc123", "days", 7));

		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo(recipient);
		assertThat(message.getSubject()).isEqualTo("You are invited");
		assertThat(message.getFrom()[0].toString()).contains("no-reply@mentorhub.local");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("https://mentors.example.edu/account/activate?token=abc123")
			.contains("Hello Sam Smtp")
			.contains("text/html");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails").query(Long.class).single())
			.isEqualTo(outboxBefore);
	}

}
