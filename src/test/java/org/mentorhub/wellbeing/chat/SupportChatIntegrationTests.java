package org.mentorhub.wellbeing.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The support chat end to end, against a WireMock stand-in for the OpenAI-compatible model: consent
 * first, the model's answer, the crisis path (fixed answer, no model call, the contact notified
 * without the text), a model that is slow or failing (a curated reply within the timeout), privacy
 * (sealed at rest, 404 for administrators through every route) and deletion.
 */
@MentorHubIntegrationTest
class SupportChatIntegrationTests {

	static final Duration TIMEOUT = Duration.ofMillis(1500);

	static final WireMockServer MODEL = start();

	static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		return server;
	}

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("mentorhub.wellbeing.chat.model.base-url", MODEL::baseUrl);
		registry.add("mentorhub.wellbeing.chat.model.name", () -> "stand-in");
		registry.add("mentorhub.wellbeing.chat.model.api-key", () -> "test-key");
		registry.add("mentorhub.wellbeing.chat.model.timeout", () -> TIMEOUT.toMillis() + "ms");
	}

	@AfterAll
	static void stop() {
		MODEL.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	OpenAiCompatibleModel model;

	@Autowired
	SupportChatPurge purge;

	TestInstitution company;

	Account mother;

	Account admin;

	@BeforeEach
	void setUp() {
		MODEL.resetAll();
		this.model.resetBreaker();
		this.company = aCompany().build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).named("Maya Mother").create(this.jdbc);
		this.admin = this.company.anAdmin().named("Ada Admin").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions call(MockHttpServletRequestBuilder request, Account caller) throws Exception {
		return this.mvc.perform(request.with(as(caller)).with(csrf()).accept(MediaType.APPLICATION_JSON));
	}

	ResultActions send(Account caller, String message) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/support-chat/messages")
			.with(as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + message + "\"}"));
	}

	void consent(Account caller) throws Exception {
		call(put("/api/v1/support-chat/consent"), caller).andExpect(status().isNoContent());
	}

	void modelAnswers(String reply) {
		MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
						+ "\"message\":{\"role\":\"assistant\",\"content\":\"" + reply + "\"},\"finish_reason\":\"stop\"}]}")));
	}

	long messagesOf(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM support_chat_messages WHERE user_id = :u").param("u", account.id())
			.query(Long.class).single();
	}

	@Test
	void chattingWithoutConsentIsRefusedAndNothingIsStoredOrSent() throws Exception {
		modelAnswers("Hello");
		send(this.mother, "Hello there").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Please give your consent to the support chat first."));
		assertThat(messagesOf(this.mother)).isZero();
		MODEL.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
		this.mvc.perform(get("/support-chat").with(as(this.mother))).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("consent-form")));
	}

	@Test
	void aNormalMessageIsAnsweredByTheModelAfterTheAiDisclosureAndStoredSealed() throws Exception {
		modelAnswers("That sounds tiring. What would help tonight?");
		consent(this.mother);
		send(this.mother, "The baby slept badly and I am so tired. Sentinel-4711").andExpect(status().isOk())
			.andExpect(jsonPath("$.crisisDetected").value(false))
			.andExpect(jsonPath("$.messages[0].source").value("DISCLOSURE"))
			.andExpect(jsonPath("$.messages[1].source").value("USER"))
			.andExpect(jsonPath("$.messages[2].source").value("MODEL"))
			.andExpect(jsonPath("$.messages[2].text").value("That sounds tiring. What would help tonight?"));
		MODEL.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer test-key"))
			.withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("stand-in")))
			.withRequestBody(matchingJsonPath("$.messages[?(@.role == 'user')].content",
					com.github.tomakehurst.wiremock.client.WireMock.containing("Sentinel-4711"))));
		// A second message within three hours does not repeat the disclosure.
		send(this.mother, "Thanks").andExpect(jsonPath("$.messages[0].source").value("USER"));
		// At rest the text is sealed: the raw column does not contain it.
		List<String> raw = this.jdbc.sql("SELECT message FROM support_chat_messages WHERE user_id = :u")
			.param("u", this.mother.id()).query(String.class).list();
		assertThat(raw).hasSize(5).noneMatch(m -> m.contains("Sentinel-4711") || m.contains("tiring"));
		// Her mood is scored, for her mood page only.
		call(get("/api/v1/support-chat/mood"), this.mother).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].messages").value(2));
		this.mvc.perform(get("/support-chat").with(as(this.mother))).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Sentinel-4711")));
	}

	@Test
	void aCrisisMessageGetsTheFixedAnswerNoModelCallAndTheContactIsNotifiedWithoutTheText() throws Exception {
		modelAnswers("should never be used");
		Account contact = this.company.aCoordinator().named("Cara Contact").create(this.jdbc);
		call(put("/api/v1/support-chat/settings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"contactUserId\":" + contact.id() + ",\"helpLines\":[\"Acme care line 0800 123\"]}"), this.admin)
			.andExpect(status().isOk());
		consent(this.mother);
		send(this.mother, "I dont want to be here anymore Sentinel-9").andExpect(status().isOk())
			.andExpect(jsonPath("$.crisisDetected").value(true))
			.andExpect(jsonPath("$.messages[2].source").value("CRISIS"))
			.andExpect(jsonPath("$.messages[2].text").value(org.hamcrest.Matchers.containsString("Acme care line 0800 123")))
			.andExpect(jsonPath("$.messages[2].text").value(org.hamcrest.Matchers.containsString("asked to call you")));
		MODEL.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(this.jdbc.sql("SELECT crisis_detected FROM support_chat_messages WHERE user_id = :u AND is_from_user = TRUE")
			.param("u", this.mother.id()).query(Boolean.class).single()).isTrue();
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(contact).size() == 1);
		Map<String, Object> notice = notificationsOf(contact).get(0);
		assertThat(notice.get("type")).isEqualTo("SUPPORT_CHAT_CRISIS");
		assertThat(notice.get("title").toString()).contains("Maya Mother");
		assertThat(notice.toString()).doesNotContain("Sentinel-9").doesNotContain("here anymore");
		// The administrators are not asked when a contact is designated.
		assertThat(notificationsOf(this.admin)).isEmpty();
	}

	@Test
	void withoutADesignatedContactTheAdministratorsAreAskedToCall() throws Exception {
		consent(this.mother);
		send(this.mother, "my husband hits me").andExpect(jsonPath("$.crisisDetected").value(true))
			.andExpect(jsonPath("$.messages[2].text").value(org.hamcrest.Matchers.containsString("988")));
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(this.admin).size() == 1);
		assertThat(notificationsOf(this.admin).get(0).toString()).doesNotContain("hits");
		MODEL.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	List<Map<String, Object>> notificationsOf(Account account) {
		return this.jdbc.sql("SELECT type, title, body, link_url FROM notifications WHERE user_id = :u")
			.param("u", account.id()).query().listOfRows();
	}

	@Test
	void aModelThatTimesOutYieldsACuratedReplyWithinTheTimeout() throws Exception {
		MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(5_000)
			.withHeader("Content-Type", "application/json").withBody("{\"choices\":[]}")));
		consent(this.mother);
		long started = System.nanoTime();
		send(this.mother, "Long day today").andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[2].source").value("CURATED"));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
	}

	@Test
	void aModelThatFailsYieldsACuratedReplyAndABreakerStopsCallingIt() throws Exception {
		MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
		consent(this.mother);
		send(this.mother, "Hello").andExpect(status().isOk()).andExpect(jsonPath("$.messages[2].source").value("CURATED"));
		// Bounded retry: two attempts, not more.
		MODEL.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
		send(this.mother, "Hello again").andExpect(jsonPath("$.messages[1].source").value("CURATED"));
		// Four failures opened the breaker: the next message does not call the model at all.
		send(this.mother, "Still here").andExpect(jsonPath("$.messages[1].source").value("CURATED"));
		MODEL.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void aModelAnswerWithCrisisLanguageOrTooLongIsFiltered() throws Exception {
		modelAnswers("Maybe you should kill yourself");
		consent(this.mother);
		send(this.mother, "Bad day").andExpect(jsonPath("$.messages[2].source").value("CURATED"));
		modelAnswers("word ".repeat(400));
		send(this.mother, "Another bad day").andExpect(jsonPath("$.messages[1].source").value("MODEL"))
			.andExpect(jsonPath("$.messages[1].text").value(org.hamcrest.Matchers.hasLength(1200)));
	}

	@Test
	void administratorsAndOthersGetNotFoundThroughEveryRoute() throws Exception {
		modelAnswers("Hello");
		consent(this.mother);
		send(this.mother, "Private words").andExpect(status().isOk());
		Account platform = org.mentorhub.TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);
		Account mentee = this.company.aMentee().create(this.jdbc);
		for (Account other : List.of(this.admin, platform, mentee)) {
			for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/support-chat"), get("/api/v1/support-chat/mood"),
					put("/api/v1/support-chat/consent"), delete("/api/v1/support-chat/consent"),
					delete("/api/v1/support-chat/messages"),
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/support-chat/messages")
						.contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"hi\"}"),
					get("/support-chat"), get("/support-chat/consent"), get("/support-chat/mood"))) {
				String body = call(request, other).andExpect(status().isNotFound()).andReturn().getResponse()
					.getContentAsString();
				assertThat(body).doesNotContain("Private words");
			}
		}
		assertThat(messagesOf(this.mother)).isEqualTo(3);
	}

	@Test
	void badInputIsRefusedWithNothingStored() throws Exception {
		consent(this.mother);
		send(this.mother, "   ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("message"));
		send(this.mother, "x".repeat(2001)).andExpect(status().isBadRequest());
		assertThat(messagesOf(this.mother)).isZero();
		call(put("/api/v1/support-chat/settings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"contactUserId\":" + this.mother.id() * 1000 + "}"), this.admin).andExpect(status().isBadRequest());
	}

	@Test
	void withdrawingConsentOrDeletingTheHistoryDeletesEverything() throws Exception {
		modelAnswers("Hi");
		consent(this.mother);
		send(this.mother, "one").andExpect(status().isOk());
		call(delete("/api/v1/support-chat/messages"), this.mother).andExpect(status().isNoContent());
		assertThat(messagesOf(this.mother)).isZero();
		send(this.mother, "two").andExpect(status().isOk());
		call(delete("/api/v1/support-chat/consent"), this.mother).andExpect(status().isNoContent());
		assertThat(messagesOf(this.mother)).isZero();
		send(this.mother, "three").andExpect(status().isConflict());
		call(get("/api/v1/support-chat"), this.mother).andExpect(jsonPath("$.consented").value(false));
	}

	@Test
	void theChatPagesTakeAFixedNumberOfStatementsWhateverTheHistory() throws Exception {
		consent(this.mother);
		List<String> uris = List.of("/api/v1/support-chat", "/support-chat", "/support-chat/mood", "/api/v1/support-chat/mood");
		SupportChatMatrixRows.plantChat(this.jdbc, this.mother, "one");
		java.util.Map<String, Long> small = new java.util.LinkedHashMap<>();
		for (String uri : uris) {
			small.put(uri, org.mentorhub.StatementCounter.count(() -> this.mvc.perform(get(uri).with(as(this.mother)))
				.andExpect(status().isOk())));
		}
		for (int i = 0; i < 30; i++) {
			SupportChatMatrixRows.plantChat(this.jdbc, this.mother, "message " + i);
		}
		this.jdbc.sql("UPDATE support_chat_messages SET sentiment_score = 0.5 WHERE user_id = :u").param("u", this.mother.id())
			.update();
		for (String uri : uris) {
			long large = org.mentorhub.StatementCounter.count(() -> this.mvc.perform(get(uri).with(as(this.mother)))
				.andExpect(status().isOk()));
			assertThat(large).as(uri).isEqualTo(small.get(uri)).isLessThanOrEqualTo(25);
		}
	}

	@Test
	void thePageFormAndItsHtmxTwinSendAndAStoredScriptIsInert() throws Exception {
		modelAnswers("<b>bold</b> answer");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/support-chat/consent")
			.with(as(this.mother)).with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/support-chat/messages")
			.with(as(this.mother)).with(csrf()).param("message", "<script>alert(1)</script>"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/support-chat/messages")
			.with(as(this.mother)).with(csrf()).header("HX-Request", "true").param("message", "Hello from htmx"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Hello from htmx"),
						org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html")))));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/support-chat/messages")
			.with(as(this.mother)).with(csrf()).param("message", " ")).andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Write a message first.")));
		String page = this.mvc.perform(get("/support-chat").with(as(this.mother))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>")
			.contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
	}

	@Test
	void thePurgeDeletesMessagesPastTheRetention() throws Exception {
		modelAnswers("Hi");
		consent(this.mother);
		send(this.mother, "recent").andExpect(status().isOk());
		this.jdbc.sql("UPDATE support_chat_messages SET created_at = :old WHERE user_id = :u AND is_from_user = TRUE")
			.param("old", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(31)).param("u", this.mother.id())
			.update();
		assertThat(this.purge.purge()).isGreaterThanOrEqualTo(1);
		assertThat(messagesOf(this.mother)).isEqualTo(2);
		assertThat(this.purge.purge()).isZero();
	}

}
