package org.mentorhub.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.FreePorts;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.calendar.CalendarFixtures.Planted;
import org.mentorhub.platform.EventPublicationRetries;
import org.mentorhub.session.SessionConfirmed;
import org.mentorhub.session.SessionSchedules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A side effect survives a mail outage: the SMTP server is down when a session is confirmed, so the
 * calendar's invitation listener fails and its publication stays incomplete in the JDBC registry;
 * once the server is back, the resubmission ({@link EventPublicationRetries}) sends the invitation,
 * exactly once to each participant, and a second resubmission sends nothing more. The scheduled run
 * is pushed out of the way (an hour after start-up) so that the test decides when it runs.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
		"spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
		"mentorhub.platform.events.resubmit-initial-delay=PT1H", "mentorhub.platform.events.resubmit-older-than=PT0S" })
class SessionInvitationMailRetryIntegrationTests {

	/** A free port, not a fixed one: CI runs two suites side by side on one machine. */
	static final int SMTP_PORT = FreePorts.next();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionSchedules schedules;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRetries retries;

	GreenMail smtp;

	@AfterEach
	void stopSmtp() {
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	/**
	 * The registry's row for the invitation listener and this session: status, attempts, completed or
	 * not. The table name in capitals: MariaDB's table names are case-sensitive and V3 made it so there.
	 */
	record Publication(String status, Integer completionAttempts, boolean completed) {
	}

	Publication publication(long sessionId) {
		return this.jdbc.sql("""
				SELECT status, completion_attempts, CASE WHEN completion_date IS NULL THEN 0 ELSE 1 END AS completed
				FROM EVENT_PUBLICATION
				WHERE listener_id LIKE '%SessionInvitations%' AND event_type = :type AND serialized_event LIKE :session""")
			.param("type", SessionConfirmed.class.getName())
			.param("session", "%\"sessionId\":" + sessionId + ",%")
			.query((rs, n) -> new Publication(rs.getString("status"), (Integer) rs.getObject("completion_attempts", Integer.class),
					rs.getInt("completed") == 1))
			.single();
	}

	int invitationsLogged(long sessionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM calendar_invitations WHERE session_id = :id")
			.param("id", sessionId)
			.query(Integer.class)
			.single();
	}

	@Test
	void anInvitationThatFailedWhileSmtpWasDownIsSentOnceWhenResubmitted() throws Exception {
		Planted session = CalendarFixtures.session(this.jdbc, "CONFIRMED", Instant.now().plus(3, ChronoUnit.DAYS),
				"Retry talk");

		// SMTP is down: the listener fails, and its publication stays incomplete.
		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new SessionConfirmed(this.schedules.find(session.id()).orElseThrow(), null, Instant.now())));
		await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(publication(session.id()).status()));
		assertThat(publication(session.id()).completed()).isFalse();
		assertThat(invitationsLogged(session.id())).isZero();

		// SMTP is back: the resubmission sends the invitation to each participant.
		this.smtp = new GreenMail(SMTP).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.smtp.start();
		this.retries.resubmit();
		assertThat(this.smtp.waitForIncomingEmail(30_000, 2)).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> publication(session.id()).completed());
		assertThat(invitationsLogged(session.id())).isEqualTo(1);

		// Nothing is left to resubmit: a second run sends nothing more.
		this.retries.resubmit();
		Thread.sleep(2000);
		MimeMessage[] received = this.smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		assertThat(Arrays.stream(received).map(message -> {
			try {
				return message.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).containsExactlyInAnyOrder(session.mentor().email(), session.mentee().email());
		assertThat(received).allSatisfy(message -> assertThat(message.getSubject()).isEqualTo("Invitation: Retry talk"));
		assertThat(invitationsLogged(session.id())).isEqualTo(1);
	}

}
