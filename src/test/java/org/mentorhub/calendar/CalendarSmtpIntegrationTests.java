package org.mentorhub.calendar;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentorhub.FreePorts;
import org.mentorhub.TestSmtp;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.calendar.CalendarFixtures.Planted;
import org.mentorhub.session.SessionSchedules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over SMTP (GreenMail), each participant's invitation carries the iCalendar REQUEST as a
 * {@code text/calendar; method=REQUEST} part that ical4j reads back, beside the text and HTML body.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
		"mentorhub.platform.base-url=https://mentors.example.edu" })
class CalendarSmtpIntegrationTests {

	/** A free port, not a fixed one: CI runs two suites side by side on one machine. */
	static final int SMTP_PORT = FreePorts.next();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

	@Autowired
	SessionInvitations invitations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionSchedules schedules;

	@Test
	void theInvitationIsACalendarPartOfTheMail() throws Exception {
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", Instant.now().plus(2, ChronoUnit.DAYS),
				"Smtp session");
		this.invitations.sendRequest(this.schedules.find(session.id()).orElseThrow(), false);

		assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			assertThat(message.getSubject()).isEqualTo("Invitation: Smtp session");
			BodyPart calendarPart = find((Multipart) message.getContent());
			assertThat(calendarPart).as("a text/calendar part").isNotNull();
			assertThat(calendarPart.getContentType()).contains("text/calendar").contains("method=REQUEST");
			String text = new String(calendarPart.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(text).doesNotContain(session.secret());
			var calendar = CalendarFixtures.parse(text);
			assertThat(Ics.value(calendar, "METHOD")).isEqualTo("REQUEST");
			assertThat(Ics.value(Ics.onlyEvent(calendar), "UID")).isEqualTo(session.uid());
			assertThat(Ics.value(Ics.onlyEvent(calendar), "UID")).isNotNull();
		}
		assertThat(smtp.getReceivedMessages()).extracting(message -> message.getAllRecipients()[0].toString())
			.containsExactlyInAnyOrder(session.mentor().email(), session.mentee().email());
	}

	static BodyPart find(Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
				return part;
			}
			if (part.getContent() instanceof Multipart nested) {
				BodyPart found = find(nested);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
