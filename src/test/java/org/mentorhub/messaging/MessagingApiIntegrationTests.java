package org.mentorhub.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.platform.AbuseReported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The messaging API: connections (the pair rule under concurrent requests, meeting requests, answering
 * only one's own), who may write to whom, bad input with nothing written, conversations that are not
 * one's own, the 15-minute deletion, reports, the rate limit, and the generic Idempotency-Key of
 * platform.web (20 concurrent sends with one key give one message).
 */
@MentorHubIntegrationTest
class MessagingApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	TestInstitution college;

	Account ada;

	Account bob;

	Account carol;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.ada = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		this.bob = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.carol = this.college.aMentee().inDepartment("BUS").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions postJson(Account caller, String uri, String json) throws Exception {
		return this.mvc.perform(json(post(uri), caller, json));
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Account caller, String json) {
		return request.with(as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).content(json);
	}

	ResultActions send(Account caller, Account to, String text) throws Exception {
		return postJson(caller, "/api/v1/messages",
				"{\"personId\":" + to.id() + ",\"text\":" + quote(text) + "}");
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	long messages(Account a, Account b) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM direct_messages
				WHERE (sender_id = :a AND receiver_id = :b) OR (sender_id = :b AND receiver_id = :a)""")
			.param("a", a.id()).param("b", b.id()).query(Long.class).single();
	}

	long connections(Account a, Account b) {
		return this.jdbc.sql("SELECT COUNT(*) FROM user_connections WHERE user_low_id = :l AND user_high_id = :h")
			.param("l", Math.min(a.id(), b.id())).param("h", Math.max(a.id(), b.id())).query(Long.class).single();
	}

	String statusOf(Account a, Account b) {
		return this.jdbc.sql("SELECT status FROM user_connections WHERE user_low_id = :l AND user_high_id = :h")
			.param("l", Math.min(a.id(), b.id())).param("h", Math.max(a.id(), b.id())).query(String.class).single();
	}

	@Test
	void aRequestIsAcceptedByItsReceiverAndThenTheTwoMayWrite() throws Exception {
		send(this.ada, this.bob, "Hello before connecting").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("connection request")));
		MvcResult asked = postJson(this.ada, "/api/v1/connections",
				"{\"personId\":" + this.bob.id() + ",\"note\":\"We met at the fair\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn();
		long id = Long.parseLong(asked.getResponse().getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
		this.mvc.perform(get("/api/v1/connections").with(as(this.bob)).accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.received[0].note").value("We met at the fair"));
		postJson(this.carol, "/api/v1/connections/" + id + "/accept", "").andExpect(status().isNotFound());
		postJson(this.ada, "/api/v1/connections/" + id + "/accept", "").andExpect(status().isNotFound());
		assertThat(statusOf(this.ada, this.bob)).isEqualTo("PENDING");
		postJson(this.bob, "/api/v1/connections/" + id + "/accept", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		postJson(this.bob, "/api/v1/connections/" + id + "/accept", "").andExpect(status().isConflict());
		send(this.ada, this.bob, "Hello https://example.org/x").andExpect(status().isCreated())
			.andExpect(jsonPath("$.text").value("Hello https://example.org/x"))
			.andExpect(jsonPath("$.read").value(false));
		this.mvc.perform(get("/api/v1/messages/unread").with(as(this.bob)).accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.unread").value(1));
		this.mvc.perform(get("/api/v1/conversations").with(as(this.bob)).accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].personId").value(this.ada.id()))
			.andExpect(jsonPath("$[0].unread").value(1))
			.andExpect(jsonPath("$[0].lastMessage").value("Hello https://example.org/x"));
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		postJson(this.bob, "/api/v1/conversations/" + conversation + "/read", "").andExpect(jsonPath("$.marked").value(1));
		this.mvc.perform(get("/api/v1/conversations/" + conversation + "/messages").with(as(this.ada))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.messages[0].read").value(true))
			.andExpect(jsonPath("$.messages[0].readAt").isNotEmpty());
		this.mvc.perform(delete("/api/v1/connections/" + id).with(as(this.carol)).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/connections/" + id).with(as(this.bob)).with(csrf())).andExpect(status().isNoContent());
		assertThat(connections(this.ada, this.bob)).isZero();
	}

	@Test
	void aRequestFromTheOtherSideMeetsThePendingOneAndASecondFromTheSameSideIs409() throws Exception {
		postJson(this.ada, "/api/v1/connections", "{\"personId\":" + this.bob.id() + "}").andExpect(status().isCreated());
		postJson(this.ada, "/api/v1/connections", "{\"personId\":" + this.bob.id() + "}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already asked")));
		postJson(this.bob, "/api/v1/connections", "{\"personId\":" + this.ada.id() + "}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		assertThat(connections(this.ada, this.bob)).isEqualTo(1);
		assertThat(statusOf(this.ada, this.bob)).isEqualTo("ACCEPTED");
	}

	@Test
	void twentyConcurrentIdenticalRequestsMakeOneRow() throws Exception {
		List<Integer> statuses = concurrently(20, () -> this.mvc
			.perform(json(post("/api/v1/connections"), this.ada, "{\"personId\":" + this.bob.id() + "}"))
			.andReturn().getResponse().getStatus());
		assertThat(connections(this.ada, this.bob)).isEqualTo(1);
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
	}

	@Test
	void concurrentRequestsFromBothSidesEndInOneAcceptedConnection() throws Exception {
		List<Integer> statuses = concurrently(20, new Callable<>() {

			int n;

			@Override
			public Integer call() throws Exception {
				boolean fromAda;
				synchronized (this) {
					fromAda = this.n++ % 2 == 0;
				}
				Account caller = fromAda ? MessagingApiIntegrationTests.this.ada : MessagingApiIntegrationTests.this.bob;
				Account other = fromAda ? MessagingApiIntegrationTests.this.bob : MessagingApiIntegrationTests.this.ada;
				return MessagingApiIntegrationTests.this.mvc
					.perform(json(post("/api/v1/connections"), caller, "{\"personId\":" + other.id() + "}"))
					.andReturn().getResponse().getStatus();
			}

		});
		assertThat(connections(this.ada, this.bob)).isEqualTo(1);
		assertThat(statusOf(this.ada, this.bob)).isEqualTo("ACCEPTED");
		assertThat(statuses).containsOnly(200, 201, 409);
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
	}

	@Test
	void twentyConcurrentSendsWithOneIdempotencyKeyMakeOneMessage() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		String body = "{\"personId\":" + this.bob.id() + ",\"text\":\"Sent once\"}";
		List<String> answers = concurrently(20, () -> {
			MvcResult result = this.mvc
				.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", "send-42"))
				.andReturn();
			return result.getResponse().getStatus() + " " + result.getResponse().getContentAsString();
		});
		assertThat(messages(this.ada, this.bob)).isEqualTo(1);
		assertThat(answers).allSatisfy(a -> assertThat(a).startsWith("201 "));
		assertThat(answers.stream().distinct()).hasSize(1);
		// The same key with another body is 422, and nothing is sent.
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, "{\"personId\":" + this.bob.id() + ",\"text\":\"Other\"}")
			.header("Idempotency-Key", "send-42"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("different request")));
		// A later retry gets the stored answer, marked as replayed.
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", "send-42"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().exists("Location"));
		// Another caller's key of the same name is theirs alone.
		MessagingFixtures.connect(this.jdbc, this.carol, this.bob);
		this.mvc.perform(json(post("/api/v1/messages"), this.carol, body).header("Idempotency-Key", "send-42"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(messages(this.ada, this.bob)).isEqualTo(1);
		assertThat(messages(this.carol, this.bob)).isEqualTo(1);
	}

	@Test
	void aFailedRequestReleasesItsKeySoTheRetryRunsAgain() throws Exception {
		String body = "{\"personId\":" + this.bob.id() + ",\"text\":\"Hello\"}";
		// Refused (403) is an answer: stored and replayed.
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", "k-403"))
			.andExpect(status().isForbidden());
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", "k-403"))
			.andExpect(status().isForbidden()).andExpect(header().string("Idempotent-Replayed", "true"));
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", "k-new"))
			.andExpect(status().isCreated());
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", " "))
			.andExpect(status().isBadRequest());
		this.mvc.perform(json(post("/api/v1/messages"), this.ada, body).header("Idempotency-Key", "x".repeat(201)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void badInputIsRefusedAndNothingIsWritten() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		send(this.ada, this.bob, "").andExpect(status().isBadRequest());
		send(this.ada, this.bob, "   ").andExpect(status().isBadRequest());
		send(this.ada, this.bob, "x".repeat(4_001)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("4000")));
		send(this.ada, this.bob, "x".repeat(4_000)).andExpect(status().isCreated());
		send(this.ada, this.ada, "Hello me").andExpect(status().isBadRequest());
		// A stranger: same institution, no connection, no mentorship.
		send(this.ada, this.carol, "Hello stranger").andExpect(status().isForbidden());
		// Someone of another institution does not exist for the caller.
		Account outsider = aUniversity().withDepartment("CS").build(this.jdbc).aMentee().inDepartment("CS").create(this.jdbc);
		send(this.ada, outsider, "Hello").andExpect(status().isNotFound());
		postJson(this.ada, "/api/v1/connections", "{\"personId\":" + outsider.id() + "}").andExpect(status().isNotFound());
		postJson(this.ada, "/api/v1/connections", "{\"personId\":" + this.ada.id() + "}").andExpect(status().isBadRequest());
		postJson(this.ada, "/api/v1/connections", "{\"personId\":" + this.carol.id() + ",\"note\":\"" + "n".repeat(501) + "\"}")
			.andExpect(status().isBadRequest());
		postJson(this.ada, "/api/v1/connections", "{}").andExpect(status().isBadRequest());
		postJson(this.ada, "/api/v1/messages", "{\"personId\":" + this.bob.id() + "}").andExpect(status().isBadRequest());
		assertThat(messages(this.ada, this.bob)).isEqualTo(1);
		assertThat(messages(this.ada, this.carol)).isZero();
		assertThat(connections(this.ada, this.carol)).isZero();
	}

	@Test
	void aBlockStopsMessagesAndRequestsEitherWay() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		postJson(this.bob, "/api/v1/blocks", "{\"personId\":" + this.ada.id() + "}").andExpect(status().isNoContent());
		assertThat(connections(this.ada, this.bob)).isZero();
		send(this.ada, this.bob, "Still there?").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("blocked")));
		send(this.bob, this.ada, "Bye").andExpect(status().isForbidden());
		postJson(this.ada, "/api/v1/connections", "{\"personId\":" + this.bob.id() + "}").andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/connections/suggestions").with(as(this.ada)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("\"personId\":" + this.bob.id() + ","));
		this.mvc.perform(delete("/api/v1/blocks/" + this.bob.id()).with(as(this.ada)).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/blocks/" + this.ada.id()).with(as(this.bob)).with(csrf())).andExpect(status().isNoContent());
		assertThat(messages(this.ada, this.bob)).isZero();
	}

	@Test
	void aMentorshipPairMayWriteWhileActiveOrPausedAndAManagerToAnyoneInScope() throws Exception {
		long mentorship = TestMentorships.plant(this.jdbc, this.bob, this.ada, "PAUSED");
		send(this.bob, this.ada, "How are you?").andExpect(status().isCreated());
		this.jdbc.sql("UPDATE mentorships SET status = 'ENDED' WHERE id = :id").param("id", mentorship).update();
		this.jdbc.sql("DELETE FROM direct_messages WHERE sender_id = :b").param("b", this.bob.id()).update();
		send(this.bob, this.ada, "Still there?").andExpect(status().isForbidden());
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		send(coordinator, this.ada, "Your coordinator here").andExpect(status().isCreated());
		send(coordinator, this.carol, "Not my department").andExpect(status().isForbidden());
		// The person written to by a manager may answer.
		send(this.ada, coordinator, "Thank you").andExpect(status().isCreated());
		Account admin = this.college.anAdmin().create(this.jdbc);
		send(admin, this.carol, "From the administration").andExpect(status().isCreated());
	}

	@Test
	void aConversationIsReadableByItsTwoPeopleOnly() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		long message = MessagingFixtures.message(this.jdbc, this.ada, this.bob, "Private words", 1);
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		Account admin = this.college.anAdmin().create(this.jdbc);
		for (Account other : List.of(this.carol, admin)) {
			this.mvc.perform(get("/api/v1/conversations/" + conversation + "/messages").with(as(other))
				.accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isNotFound())
				.andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("Private words"));
			postJson(other, "/api/v1/conversations/" + conversation + "/read", "").andExpect(status().isNotFound());
			this.mvc.perform(delete("/api/v1/messages/" + message).with(as(other)).with(csrf())).andExpect(status().isNotFound());
			postJson(other, "/api/v1/messages/" + message + "/report", "{}").andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/api/v1/conversations/not-a-conversation/messages").with(as(this.ada))
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT is_read FROM direct_messages WHERE id = :id").param("id", message)
			.query(Boolean.class).single()).isFalse();
	}

	@Test
	void aSenderDeletesTheirMessageWithinFifteenMinutesOnly() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		long fresh = MessagingFixtures.message(this.jdbc, this.ada, this.bob, "Oops", 1);
		long old = MessagingFixtures.message(this.jdbc, this.ada, this.bob, "Long ago", 16);
		this.mvc.perform(delete("/api/v1/messages/" + fresh).with(as(this.bob)).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/messages/" + old).with(as(this.ada)).with(csrf())).andExpect(status().isConflict());
		this.mvc.perform(delete("/api/v1/messages/" + fresh).with(as(this.ada)).with(csrf())).andExpect(status().isOk())
			.andExpect(jsonPath("$.deleted").value(true)).andExpect(jsonPath("$.text").value(""));
		assertThat(this.jdbc.sql("SELECT message FROM direct_messages WHERE id = :id").param("id", fresh)
			.query(String.class).single()).isEmpty();
		this.mvc.perform(get("/api/v1/conversations").with(as(this.bob)).accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].lastMessage").value("Long ago"));
	}

	@Test
	void aReportHandsTheReportedMessageAloneToTheSupportDesk() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		MessagingFixtures.message(this.jdbc, this.ada, this.bob, "An earlier message", 5);
		long abusive = MessagingFixtures.message(this.jdbc, this.ada, this.bob, "Something nasty", 2);
		try (CapturedEvents<AbuseReported> reports = CapturedEvents.of(this.context, AbuseReported.class)) {
			postJson(this.ada, "/api/v1/messages/" + abusive + "/report", "{}").andExpect(status().isNotFound());
			postJson(this.bob, "/api/v1/messages/" + abusive + "/report", "{\"reason\":\"" + "r".repeat(1_001) + "\"}")
				.andExpect(status().isBadRequest());
			postJson(this.bob, "/api/v1/messages/" + abusive + "/report", "{\"reason\":\"Rude\"}")
				.andExpect(status().isAccepted());
			assertThat(reports.matching(r -> true)).singleElement().satisfies(r -> {
				assertThat(r.itemKind()).isEqualTo("DIRECT_MESSAGE");
				assertThat(r.itemId()).isEqualTo(abusive);
				assertThat(r.quotedText()).isEqualTo("Something nasty");
				assertThat(r.reason()).isEqualTo("Rude");
				assertThat(r.reporterId()).isEqualTo(this.bob.id());
				assertThat(r.reportedUserId()).isEqualTo(this.ada.id());
				assertThat(r.institutionId()).isEqualTo(this.college.id());
			});
		}
		// End to end: the support desk opens one ABUSE issue for the institution quoting that message alone.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> this.jdbc
			.sql("SELECT COUNT(*) FROM reported_issues WHERE item_kind = 'DIRECT_MESSAGE' AND item_id = :id")
			.param("id", abusive).query(Long.class).single() == 1);
		assertThat(this.jdbc.sql("""
				SELECT category, institution_id, description FROM reported_issues
				WHERE item_kind = 'DIRECT_MESSAGE' AND item_id = :id""")
			.param("id", abusive)
			.query((rs, n) -> List.of(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.single()).satisfies(issue -> {
				assertThat(issue.get(0)).isEqualTo("ABUSE");
				assertThat(issue.get(1)).isEqualTo(this.college.id());
				assertThat((String) issue.get(2)).contains("Something nasty").doesNotContain("An earlier message");
			});
	}

	@Test
	void sendingIsRateLimitedPerSender() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.carol);
		int created = 0;
		MvcResult refused = null;
		for (int i = 0; i < 40 && refused == null; i++) {
			MvcResult result = send(this.ada, this.carol, "Message " + i).andReturn();
			if (result.getResponse().getStatus() == 201) {
				created++;
			}
			else {
				refused = result;
			}
		}
		// 30 at once; the bucket refills by one every 2 seconds, which a slow run may see once or twice.
		assertThat(created).isBetween(30, 33);
		assertThat(refused).isNotNull();
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(messages(this.ada, this.carol)).isEqualTo(created);
	}

	@Test
	void aNewerPageIsFoundWithTheKeysetCursor() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		for (int i = 0; i < 35; i++) {
			MessagingFixtures.message(this.jdbc, i % 2 == 0 ? this.ada : this.bob, i % 2 == 0 ? this.bob : this.ada,
					"Message " + i, 100 - i);
		}
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		MvcResult first = this.mvc.perform(get("/api/v1/conversations/" + conversation + "/messages").with(as(this.ada))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.messages.length()").value(30))
			.andExpect(jsonPath("$.messages[0].text").value("Message 5"))
			.andExpect(jsonPath("$.messages[29].text").value("Message 34"))
			.andReturn();
		String before = first.getResponse().getContentAsString().replaceAll(".*\"olderBefore\":(\\d+).*", "$1");
		this.mvc.perform(get("/api/v1/conversations/" + conversation + "/messages?before=" + before).with(as(this.ada))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.messages.length()").value(5))
			.andExpect(jsonPath("$.messages[0].text").value("Message 0"))
			.andExpect(jsonPath("$.olderBefore").doesNotExist());
	}

	/** Runs the call n times at once (released together by a latch) and returns the answers. */
	static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> answers = new ArrayList<>();
			for (Future<T> future : futures) {
				answers.add(future.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
