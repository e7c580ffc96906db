package org.mentorhub.identity.signin;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.identity.PasswordResets;
import org.mentorhub.identity.SelfRegistrations.Registration;
import org.mentorhub.identity.SelfRegistrations;
import org.mentorhub.identity.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * QUALITY S3 for the other two doors: reset requests and registrations count against the address
 * and the client like sign-in failures. Past the limit the caller sees the same answer, but no more
 * mail goes out and nothing is created.
 */
@MentorHubIntegrationTest
class ResetAndRegistrationThrottleIntegrationTests {

	@Autowired
	PasswordResets resets;

	@Autowired
	SelfRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	long mailsTo(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to")
			.param("to", email)
			.query(Long.class)
			.single();
	}

	@Test
	void resetRequestsForOneAddressStopSendingMailAfterFive() {
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("reset-throttle").create();

		for (int i = 0; i < 8; i++) {
			this.resets.requestReset(account.email(), "203.0.113." + (10 + i));
		}

		assertThat(mailsTo(account.email())).isEqualTo(5);
	}

	@Test
	void registrationsForOneAddressStopAfterFiveAndCreateNothingMore() {
		String code = aUniversity().allowingRegistrationFrom("throttle.example.edu").build(this.jdbc).code();
		String email = "newcomer-" + System.nanoTime() + "@throttle.example.edu";
		for (int i = 0; i < 8; i++) {
			this.registrations.register(new Registration(code, "New Comer", email, "a fine long passphrase " + i),
					"198.51.100." + (10 + i));
		}

		assertThat(mailsTo(email)).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single())
			.isEqualTo(1);
	}

}
