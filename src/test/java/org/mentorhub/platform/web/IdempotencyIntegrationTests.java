package org.mentorhub.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.messaging.MessagingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The generic {@code Idempotency-Key} of API POSTs ({@link IdempotencyFilter}) beyond what the
 * messaging tests show: a retry while the first request is still in progress waits and then gets 409;
 * a key left in progress by a dead instance is taken over; expired keys are purged.
 */
@MentorHubIntegrationTest
class IdempotencyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	IdempotencyConfiguration.IdempotencyKeyPurge purge;

	Account ada;

	Account bob;

	String body;

	@BeforeEach
	void setUp() {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.ada = college.aMentee().inDepartment("CS").create(this.jdbc);
		this.bob = college.aMentor().inDepartment("CS").create(this.jdbc);
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		this.body = "{\"personId\":" + this.bob.id() + ",\"text\":\"Once\"}";
	}

	ResultActions send(String key) throws Exception {
		return this.mvc.perform(post("/api/v1/messages").with(user(this.users.loadUserByUsername(this.ada.email())))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key).content(this.body));
	}

	/** A row as a request with this key would have left it while running, claimed {@code minutesAgo} minutes ago. */
	void inProgress(String key, int minutesAgo) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/messages");
		String hash = IdempotencyFilter.hash(request, this.body.getBytes(StandardCharsets.UTF_8));
		this.jdbc.sql("""
				INSERT INTO idempotency_keys (caller, idem_key, request_hash, created_at)
				VALUES (:caller, :key, :hash, :at)""")
			.param("caller", "user:" + this.ada.id())
			.param("key", key)
			.param("hash", hash)
			.param("at", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo))
			.update();
	}

	long messages() {
		return this.jdbc.sql("SELECT COUNT(*) FROM direct_messages WHERE sender_id = :a").param("a", this.ada.id())
			.query(Long.class).single();
	}

	@Test
	void aRetryWhileTheFirstStillRunsWaitsThenGets409() throws Exception {
		inProgress("running", 0);
		long started = System.nanoTime();
		send("running").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("still in progress")));
		assertThat(System.nanoTime() - started).isGreaterThan(5_000_000_000L);
		assertThat(messages()).isZero();
	}

	@Test
	void aKeyLeftInProgressByADeadInstanceIsTakenOver() throws Exception {
		inProgress("abandoned", 3);
		send("abandoned").andExpect(status().isCreated());
		send("abandoned").andExpect(status().isCreated());
		assertThat(messages()).isEqualTo(1);
	}

	@Test
	void expiredKeysArePurgedAndTheirRetryRunsAgain() throws Exception {
		send("old").andExpect(status().isCreated());
		this.jdbc.sql("UPDATE idempotency_keys SET created_at = :at WHERE idem_key = 'old'")
			.param("at", LocalDateTime.now(ZoneOffset.UTC).minusHours(25))
			.update();
		assertThat(this.purge.purge()).isGreaterThanOrEqualTo(1);
		send("old").andExpect(status().isCreated());
		assertThat(messages()).isEqualTo(2);
	}

}
