package org.mentorhub.integration.microsoft;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.calendar.CalendarFixtures;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Microsoft 365 end to end against a WireMock stand-in for the identity platform (authorize, token)
 * and Graph: the full code flow with PKCE, the Outlook event of a confirmed session with its Teams
 * link, a new time (PATCH) and the cancellation; Graph failing (500, 429 with Retry-After, a hang)
 * while the session stays confirmed, within bounded retries and with a visible error and a retry;
 * the refresh with a rotated refresh token, a revoked one, tokens sealed at rest and in no log;
 * free/busy in the booking view and its fallback.
 */
@MentorHubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MicrosoftIntegrationTests {

	static final WireMockServer MS = start();

	static final String TOKEN_PATH = "/contoso/oauth2/v2.0/token";

	static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		// The stand-in's first answer is slow (class loading); take it here, not inside a timed call.
		try {
			java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl() + "/warm-up")).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return server;
	}

	@DynamicPropertySource
	static void microsoft(DynamicPropertyRegistry registry) {
		registry.add("mentorhub.integration.microsoft.client-id", () -> "test-client");
		registry.add("mentorhub.integration.microsoft.client-secret", () -> "test-client-secret");
		registry.add("mentorhub.integration.microsoft.tenant", () -> "contoso");
		registry.add("mentorhub.integration.microsoft.authorize-url", () -> MS.baseUrl() + "/{tenant}/oauth2/v2.0/authorize");
		registry.add("mentorhub.integration.microsoft.token-url", () -> MS.baseUrl() + "/{tenant}/oauth2/v2.0/token");
		registry.add("mentorhub.integration.microsoft.graph-base-url", () -> MS.baseUrl() + "/v1.0");
		registry.add("mentorhub.integration.microsoft.timeout", () -> "4s");
		registry.add("mentorhub.integration.microsoft.free-busy-timeout", () -> "3s");
		registry.add("mentorhub.integration.microsoft.max-attempts", () -> "3");
		registry.add("mentorhub.integration.microsoft.max-retry-after", () -> "5s");
	}

	@AfterAll
	static void stop() {
		MS.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	GraphClient graph;

	@Autowired
	OutlookFreeBusy freeBusy;

	@Autowired
	SecretBox box;

	TestInstitution college;

	Account mentor;

	Account mentee;

	long mentorship;

	@BeforeEach
	void setUp() {
		MS.resetAll();
		this.graph.resetBreaker();
		this.freeBusy.clear();
		this.college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Mona Mentor").create(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").named("Eli Mentee").create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	/** The full code flow of the mentor against the stand-in; the token endpoint answers these tokens. */
	void connect(Account who, String access, String refresh, long expiresIn) throws Exception {
		MS.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=authorization_code"))
			.withRequestBody(containing("code=code-from-microsoft"))
			.willReturn(okJson("{\"token_type\":\"Bearer\",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
					+ "\",\"expires_in\":" + expiresIn + ",\"scope\":\"openid profile email offline_access Calendars.ReadWrite\","
					+ "\"id_token\":\"" + MicrosoftFixtures.idToken("mona@contoso.example") + "\"}")));
		MockHttpSession session = new MockHttpSession();
		org.springframework.mock.web.MockHttpServletResponse started = this.mvc.perform(get("/account/integrations/microsoft/connect")
				.with(as(who)).session(session))
			.andExpect(status().isFound())
			.andReturn().getResponse();
		String location = started.getHeader("Location");
		jakarta.servlet.http.Cookie[] cookies = cookies(started);
		assertThat(location).startsWith(MS.baseUrl() + "/contoso/oauth2/v2.0/authorize?");
		Map<String, List<String>> query = UriComponentsBuilder.fromUri(URI.create(location)).build(true).getQueryParams();
		assertThat(query.get("client_id")).containsExactly("test-client");
		assertThat(query.get("response_type")).containsExactly("code");
		assertThat(query.get("code_challenge_method")).containsExactly("S256");
		assertThat(decode(query.get("scope").get(0))).isEqualTo("openid profile email offline_access Calendars.ReadWrite");
		assertThat(decode(query.get("redirect_uri").get(0))).endsWith("/account/integrations/microsoft/callback");
		String state = decode(query.get("state").get(0));
		String challenge = decode(query.get("code_challenge").get(0));

		this.mvc.perform(get("/account/integrations/microsoft/callback").with(as(who)).session(session).cookie(cookies)
				.param("code", "code-from-microsoft").param("state", state))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/account/integrations?connected"));
		// The exchange sent the PKCE verifier that matches the challenge, and the client's credentials.
		LoggedRequest exchange = MS.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
			.withRequestBody(containing("grant_type=authorization_code"))).get(0);
		Map<String, List<String>> form = UriComponentsBuilder.fromUriString("/?" + exchange.getBodyAsString())
			.build(true).getQueryParams();
		assertThat(MicrosoftIdentity.challenge(decode(form.get("code_verifier").get(0)))).isEqualTo(challenge);
		assertThat(form.get("client_id")).containsExactly("test-client");
		assertThat(form.get("code")).containsExactly("code-from-microsoft");
	}

	/** The session cookie of a response, if it set one (Spring Session keeps the session in the database). */
	static jakarta.servlet.http.Cookie[] cookies(org.springframework.mock.web.MockHttpServletResponse response) {
		jakarta.servlet.http.Cookie[] cookies = response.getCookies();
		return cookies.length == 0 ? new jakarta.servlet.http.Cookie[] { new jakarta.servlet.http.Cookie("unused", "x") } : cookies;
	}

	static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A session the mentor proposed (online, no link of its own), which the mentee then confirms. */
	long proposed(Instant start) {
		return SessionFixtures.session(this.jdbc, this.mentorship, this.mentor.id(), this.mentee.id(), this.mentor.id(),
				"PROPOSED", start, "Career talk");
	}

	void transition(Account who, long session, String action, String body) throws Exception {
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/sessions/" + session + "/" + action).with(as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body))
			.andExpect(status().isOk());
	}

	String sessionStatus(long session) {
		return this.jdbc.sql("SELECT status FROM mentoring_sessions WHERE id = :id").param("id", session).query(String.class).single();
	}

	String outlookStatus(long session) {
		return this.jdbc.sql("SELECT status FROM microsoft_outlook_events WHERE session_id = :id").param("id", session)
			.query(String.class).optional().orElse(null);
	}

	void awaitOutlook(long session, String expected) {
		await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(outlookStatus(session)));
	}

	static void stubCreate(String id, String joinUrl) {
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"" + id + "\",\"isOnlineMeeting\":true,\"onlineMeetingProvider\":\"teamsForBusiness\","
					+ "\"onlineMeeting\":{\"joinUrl\":\"" + joinUrl + "\"}}")));
	}

	static String graphTime(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(instant.atZone(ZoneOffset.UTC));
	}

	@Test
	void connectConfirmRescheduleAndCancelKeepTheOutlookEventWithItsTeamsLinkInStep(CapturedOutput output) throws Exception {
		connect(this.mentor, "planted-access-1", "planted-refresh-1", 3600);
		this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONNECTED"))
			.andExpect(jsonPath("$.microsoftEmail").value("mona@contoso.example"));
		stubCreate("AAMkEvent1", "https://teams.microsoft.com/l/meetup-join/abc");
		MS.stubFor(patch(urlPathEqualTo("/v1.0/me/events/AAMkEvent1")).willReturn(okJson("{\"id\":\"AAMkEvent1\"}")));
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events/AAMkEvent1/cancel")).willReturn(aResponse().withStatus(202)));

		Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long session = proposed(start);
		long mailsBefore = CalendarFixtures.lastMailId(this.jdbc);
		transition(this.mentee, session, "confirm", null);
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");

		awaitOutlook(session, "CREATED");
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/events"))
			.withHeader("Authorization", equalTo("Bearer planted-access-1"))
			.withRequestBody(matchingJsonPath("$.subject", equalTo("Career talk")))
			.withRequestBody(matchingJsonPath("$.isOnlineMeeting", equalTo("true")))
			.withRequestBody(matchingJsonPath("$.onlineMeetingProvider", equalTo("teamsForBusiness")))
			.withRequestBody(matchingJsonPath("$.attendees[0].emailAddress.address", equalTo(this.mentee.email())))
			.withRequestBody(matchingJsonPath("$.attendees[0].type", equalTo("required")))
			.withRequestBody(matchingJsonPath("$.start.dateTime", equalTo(graphTime(start))))
			.withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("UTC")))
			.withRequestBody(matchingJsonPath("$.end.dateTime", equalTo(graphTime(start.plus(60, ChronoUnit.MINUTES))))));
		// The Teams link is the session's meeting link, and the event id is kept on the session.
		this.mvc.perform(get("/api/v1/sessions/" + session).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.meetingLink").value("https://teams.microsoft.com/l/meetup-join/abc"));
		assertThat(this.jdbc.sql("SELECT outlook_event_id FROM mentoring_sessions WHERE id = :id").param("id", session)
			.query(String.class).single()).isEqualTo("AAMkEvent1");
		// The .ics rule: the Outlook event carries the invitation, so no .ics mail reaches either participant.
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql(
				"SELECT COUNT(*) FROM calendar_invitations WHERE session_id = :id").param("id", session).query(Long.class).single() > 0);
		assertThat(CalendarFixtures.mailsTo(this.jdbc, this.mentor.email(), mailsBefore)).isEmpty();
		assertThat(CalendarFixtures.mailsTo(this.jdbc, this.mentee.email(), mailsBefore)).isEmpty();

		// A new time: the mentor proposes it, the mentee accepts, Graph gets a PATCH.
		Instant moved = start.plus(1, ChronoUnit.DAYS);
		String local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(moved.atZone(ZoneOffset.UTC));
		transition(this.mentor, session, "reschedule", "{\"start\":\"" + local + "\",\"zone\":\"UTC\"}");
		transition(this.mentee, session, "accept-time", null);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> MS.verify(1, patchRequestedFor(urlPathEqualTo("/v1.0/me/events/AAMkEvent1"))
			.withRequestBody(matchingJsonPath("$.start.dateTime", equalTo(graphTime(moved))))
			.withRequestBody(matchingJsonPath("$.end.dateTime", equalTo(graphTime(moved.plus(60, ChronoUnit.MINUTES)))))));
		awaitOutlook(session, "CREATED");

		// Cancelling cancels the Outlook event.
		transition(this.mentee, session, "cancel", "{\"message\":\"Sorry\"}");
		awaitOutlook(session, "CANCELLED");
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/events/AAMkEvent1/cancel")));
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/events")));

		// The page lists the event in words; no token shows anywhere.
		String page = this.mvc.perform(get("/account/integrations").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Connected as mona@contoso.example")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Cancelled in Outlook")))
			.andReturn().getResponse().getContentAsString();
		String api = this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentor)))
			.andReturn().getResponse().getContentAsString();
		for (String text : List.of(page, api, output.getAll())) {
			assertThat(text).doesNotContain("planted-access-1").doesNotContain("planted-refresh-1");
		}
	}

	@Test
	void graphAnswering500FailsVisiblyAfterBoundedRetriesAndTheRetryButtonTriesAgain() throws Exception {
		connect(this.mentor, "access-500", "refresh-500", 3600);
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events")).willReturn(aResponse().withStatus(500)));
		long session = proposed(Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		transition(this.mentee, session, "confirm", null);
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
		awaitOutlook(session, "FAILED");
		MS.verify(3, postRequestedFor(urlPathEqualTo("/v1.0/me/events")));
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
		this.mvc.perform(get("/account/integrations").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Microsoft 365 answered with an error (500).")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/account/integrations/outlook-events/" + session + "/retry")));
		this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentor)))
			.andExpect(jsonPath("$.outlookEvents[0].sessionId").value(session))
			.andExpect(jsonPath("$.outlookEvents[0].status").value("FAILED"))
			.andExpect(jsonPath("$.outlookEvents[0].retryable").value(true));

		// The mentee may not retry the mentor's event (404); the mentor may, and Graph is back.
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/integrations/microsoft/outlook-events/" + session + "/retry").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isNotFound());
		MS.resetAll();
		stubCreate("AAMkRetried", "https://teams.microsoft.com/l/meetup-join/retried");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/account/integrations/outlook-events/" + session + "/retry").with(as(this.mentor)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		awaitOutlook(session, "CREATED");
		assertThat(this.jdbc.sql("SELECT meeting_link FROM mentoring_sessions WHERE id = :id").param("id", session)
			.query(String.class).single()).isEqualTo("https://teams.microsoft.com/l/meetup-join/retried");
	}

	@Test
	void a429WithRetryAfterIsHonouredAndTheNextAttemptSucceeds() throws Exception {
		connect(this.mentor, "access-429", "refresh-429", 3600);
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events")).inScenario("throttled").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events")).inScenario("throttled").whenScenarioStateIs("calm")
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"AAMk429\",\"onlineMeeting\":{\"joinUrl\":\"https://teams.microsoft.com/l/meetup-join/429\"}}")));
		long session = proposed(Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		transition(this.mentee, session, "confirm", null);
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
		awaitOutlook(session, "CREATED");
		MS.verify(2, postRequestedFor(urlPathEqualTo("/v1.0/me/events")));
	}

	@Test
	void a429ThatKeepsComingAndARetryAfterBeyondTheLimitEndWithAVisibleFailure() throws Exception {
		connect(this.mentor, "access-429b", "refresh-429b", 3600);
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		long session = proposed(Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		transition(this.mentee, session, "confirm", null);
		awaitOutlook(session, "FAILED");
		// Retry-After asked for an hour, more than the five seconds allowed: no second attempt.
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/events")));
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("SELECT last_error FROM microsoft_outlook_events WHERE session_id = :id").param("id", session)
			.query(String.class).single()).contains("wait longer");
	}

	@Test
	void aHangingGraphTimesOutWithinBoundedRetriesAndTheSessionStaysConfirmed() throws Exception {
		connect(this.mentor, "access-hang", "refresh-hang", 3600);
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/events")).willReturn(aResponse().withStatus(201).withFixedDelay(9000)
			.withHeader("Content-Type", "application/json").withBody("{\"id\":\"late\"}")));
		long session = proposed(Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		transition(this.mentee, session, "confirm", null);
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
		awaitOutlook(session, "FAILED");
		MS.verify(3, postRequestedFor(urlPathEqualTo("/v1.0/me/events")));
		this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentor)))
			.andExpect(jsonPath("$.outlookEvents[0].problem").value("Microsoft 365 did not answer in time."));
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
	}

	@Test
	void anExpiredAccessTokenIsRefreshedAndTheRotatedRefreshTokenIsStoredSealed(CapturedOutput output) throws Exception {
		connect(this.mentor, "planted-old-access", "planted-old-refresh", 30);
		MS.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=planted-old-refresh"))
			.willReturn(okJson("{\"access_token\":\"planted-new-access\",\"refresh_token\":\"planted-new-refresh\",\"expires_in\":3600}")));
		stubCreate("AAMkRefreshed", "https://teams.microsoft.com/l/meetup-join/r");
		long session = proposed(Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		transition(this.mentee, session, "confirm", null);
		awaitOutlook(session, "CREATED");
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/events")).withHeader("Authorization", equalTo("Bearer planted-new-access")));

		Map<String, Object> row = this.jdbc.sql("SELECT * FROM microsoft_tokens WHERE user_id = :u").param("u", this.mentor.id())
			.query().singleRow();
		String keyId = String.valueOf(value(row, "token_key_id"));
		assertThat(this.box.open(keyId, String.valueOf(value(row, "refresh_token")), MicrosoftTokens.REFRESH)).isEqualTo("planted-new-refresh");
		assertThat(this.box.open(keyId, String.valueOf(value(row, "access_token")), MicrosoftTokens.ACCESS)).isEqualTo("planted-new-access");
		// The raw columns hold none of the planted values, and neither do the audit rows or the log.
		for (Object raw : row.values()) {
			assertThat(String.valueOf(raw)).doesNotContain("planted-");
		}
		List<String> audit = this.jdbc.sql("SELECT action, before_state, after_state FROM audit_logs WHERE user_id = :u")
			.param("u", this.mentor.id()).query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3)).list();
		assertThat(audit).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("planted-"));
		assertThat(output.getAll()).doesNotContain("planted-old-access", "planted-old-refresh", "planted-new-access",
				"planted-new-refresh");
	}

	@Test
	void aRevokedRefreshTokenMarksTheConnectionForReconnectionAndTellsThePerson() throws Exception {
		connect(this.mentor, "access-revoked", "refresh-revoked", 30);
		MS.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The refresh token has expired.\"}")));
		long session = proposed(Instant.now().plus(11, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		transition(this.mentee, session, "confirm", null);
		awaitOutlook(session, "FAILED");
		assertThat(sessionStatus(session)).isEqualTo("CONFIRMED");
		MS.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/me/events")));
		this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentor)))
			.andExpect(jsonPath("$.status").value("RECONNECT"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql(
				"SELECT COUNT(*) FROM notifications WHERE user_id = :u AND type = 'MICROSOFT_RECONNECT'")
			.param("u", this.mentor.id()).query(Long.class).single() == 1);
		this.mvc.perform(get("/account/integrations").with(as(this.mentor)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Connect again")));
		// While it waits for a new consent, the .ics mails go out again as usual.
		assertThat(this.jdbc.sql("SELECT status FROM microsoft_tokens WHERE user_id = :u").param("u", this.mentor.id())
			.query(String.class).single()).isEqualTo("RECONNECT");
	}

	@Test
	void aForgedOrReplayedCallbackConnectsNothingAndDisconnectDeletesTheTokens() throws Exception {
		// No consent was started in this session: the state cannot match.
		this.mvc.perform(get("/account/integrations/microsoft/callback").with(as(this.mentor))
				.param("code", "stolen").param("state", "guessed"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/account/integrations?problem=invalid_state"));
		this.mvc.perform(get("/account/integrations").with(as(this.mentor)).param("problem", "invalid_state"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("did not match a connection you started here")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM microsoft_tokens WHERE user_id = :u").param("u", this.mentor.id())
			.query(Long.class).single()).isZero();
		MS.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

		// A consent the person refused.
		MockHttpSession session = new MockHttpSession();
		org.springframework.mock.web.MockHttpServletResponse started = this.mvc.perform(get("/account/integrations/microsoft/connect")
				.with(as(this.mentor)).session(session)).andReturn().getResponse();
		String location = started.getHeader("Location");
		String state = decode(UriComponentsBuilder.fromUri(URI.create(location)).build(true).getQueryParams().getFirst("state"));
		this.mvc.perform(get("/account/integrations/microsoft/callback").with(as(this.mentor)).session(session)
				.cookie(cookies(started)).param("error", "access_denied").param("state", state))
			.andExpect(header().string("Location", "/account/integrations?problem=denied"));

		connect(this.mentor, "access-bye", "refresh-bye", 3600);
		// Someone else sees only their own (absent) connection.
		this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentee)))
			.andExpect(jsonPath("$.status").value("NOT_CONNECTED"))
			.andExpect(jsonPath("$.microsoftEmail").doesNotExist());
		this.mvc.perform(delete("/api/v1/integrations/microsoft").with(as(this.mentor)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM microsoft_tokens WHERE user_id = :u").param("u", this.mentor.id())
			.query(Long.class).single()).isZero();
		this.mvc.perform(get("/api/v1/integrations/microsoft").with(as(this.mentor)))
			.andExpect(jsonPath("$.status").value("NOT_CONNECTED"));
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE user_id = :u AND action LIKE 'MICROSOFT_%' ORDER BY id")
			.param("u", this.mentor.id()).query(String.class).list()).containsExactly("MICROSOFT_CONNECTED", "MICROSOFT_DISCONNECTED");
		// A retry of a session that has no Outlook event is 404.
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/integrations/microsoft/outlook-events/999999999/retry").with(as(this.mentor)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void busyTimesFromOutlookAreLeftOutOfTheOfferedSlotsAndAnOutageFallsBackWithANote() throws Exception {
		for (Account a : List.of(this.mentor, this.mentee)) {
			for (int day = 1; day <= 7; day++) {
				this.jdbc.sql("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, time_zone) "
						+ "VALUES (:u, :d, :s, :e, 'UTC')")
					.param("u", a.id()).param("d", day)
					.param("s", java.time.LocalTime.of(9, 0)).param("e", java.time.LocalTime.of(12, 0)).update();
			}
		}
		connect(this.mentor, "access-fb", "refresh-fb", 3600);
		java.time.LocalDate from = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(3);
		Instant busy = from.atTime(10, 0).toInstant(ZoneOffset.UTC);
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/calendar/getSchedule")).willReturn(okJson("{\"value\":[{\"scheduleId\":"
				+ "\"mona@contoso.example\",\"scheduleItems\":[{\"status\":\"busy\",\"start\":{\"dateTime\":\"" + graphTime(busy)
				+ ".0000000\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + graphTime(busy.plus(60, ChronoUnit.MINUTES))
				+ ".0000000\",\"timeZone\":\"UTC\"}}]}]}")));
		String slots = this.mvc.perform(get("/api/v1/sessions/slots").with(as(this.mentee))
				.param("mentorship", String.valueOf(this.mentorship)).param("from", from.toString()).param("durationMinutes", "60"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outsideCalendars").value(true))
			.andExpect(jsonPath("$.outsideCalendarsUnavailable").value(false))
			.andReturn().getResponse().getContentAsString();
		assertThat(slots).contains("\"start\":\"" + busy.minus(60, ChronoUnit.MINUTES) + "\"")
			.doesNotContain("\"start\":\"" + busy + "\"")
			.doesNotContain("\"start\":\"" + busy.plus(30, ChronoUnit.MINUTES) + "\"")
			.contains("\"start\":\"" + busy.plus(60, ChronoUnit.MINUTES) + "\"");
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/calendar/getSchedule"))
			.withRequestBody(matchingJsonPath("$.schedules[0]", equalTo("mona@contoso.example"))));
		// A second look within the cache time asks Graph nothing.
		this.mvc.perform(get("/api/v1/sessions/slots").with(as(this.mentee))
				.param("mentorship", String.valueOf(this.mentorship)).param("from", from.toString()).param("durationMinutes", "60"))
			.andExpect(status().isOk());
		MS.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/me/calendar/getSchedule")));

		// Graph is down: MentorHub's own availability, with a note on the page.
		this.freeBusy.clear();
		MS.stubFor(post(urlPathEqualTo("/v1.0/me/calendar/getSchedule")).willReturn(aResponse().withStatus(503)));
		this.mvc.perform(get("/sessions/new").with(as(this.mentee)).param("mentorship", String.valueOf(this.mentorship))
				.param("from", from.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Outlook could not be reached just now")));
		this.mvc.perform(get("/api/v1/sessions/slots").with(as(this.mentee))
				.param("mentorship", String.valueOf(this.mentorship)).param("from", from.toString()).param("durationMinutes", "60"))
			.andExpect(jsonPath("$.outsideCalendarsUnavailable").value(true));
	}

	@Test
	void thePageAndTheApiReadAFixedNumberOfStatementsWhateverTheNumberOfEvents() throws Exception {
		connect(this.mentor, "access-count", "refresh-count", 3600);
		long first = proposed(Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		MicrosoftFixtures.outlookRow(this.jdbc, first, this.mentor, "FAILED", "Microsoft 365 answered with an error (500).");
		long fewPage = org.mentorhub.StatementCounter.count(() -> this.mvc.perform(get("/account/integrations").with(as(this.mentor)))
			.andExpect(status().isOk()));
		long fewApi = org.mentorhub.StatementCounter.count(() -> this.mvc.perform(get("/api/v1/integrations/microsoft")
			.with(as(this.mentor))).andExpect(status().isOk()));
		for (int i = 1; i <= 8; i++) {
			long s = proposed(Instant.now().plus(20 + i, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
			MicrosoftFixtures.outlookRow(this.jdbc, s, this.mentor, i % 2 == 0 ? "CREATED" : "FAILED", null);
		}
		long manyPage = org.mentorhub.StatementCounter.count(() -> this.mvc.perform(get("/account/integrations").with(as(this.mentor)))
			.andExpect(status().isOk()));
		long manyApi = org.mentorhub.StatementCounter.count(() -> this.mvc.perform(get("/api/v1/integrations/microsoft")
			.with(as(this.mentor))).andExpect(status().isOk()));
		assertThat(manyPage).isEqualTo(fewPage);
		assertThat(manyApi).isEqualTo(fewApi);
	}

	static Object value(Map<String, Object> row, String column) {
		return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
