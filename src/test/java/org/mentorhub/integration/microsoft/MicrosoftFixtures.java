package org.mentorhub.integration.microsoft;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import org.mentorhub.TestAccounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helpers of the Microsoft 365 integration. */
public final class MicrosoftFixtures {

	private MicrosoftFixtures() {
	}

	/** An unsigned ID token (header.payload.) with this e-mail, as the stand-in's token endpoint answers it. */
	public static String idToken(String email) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(("{\"email\":\"" + email + "\",\"aud\":\"test-client\"}").getBytes(StandardCharsets.UTF_8))
				+ ".";
	}

	/** An Outlook event row of a session, organised by the owner. */
	public static void outlookRow(JdbcClient jdbc, long sessionId, Account organiser, String status, String problem) {
		jdbc.sql("""
				INSERT INTO microsoft_outlook_events (session_id, organiser_id, status, attempts, last_error, created_at, updated_at)
				VALUES (:s, :o, :status, 1, :error, :now, :now)""")
			.param("s", sessionId)
			.param("o", organiser.id())
			.param("status", status)
			.param("error", problem)
			.param("now", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
			.update();
	}

}
