package org.mentorhub.identity.signin;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.identity.Accounts;
import org.mentorhub.identity.PasswordHashing;
import org.mentorhub.identity.PasswordResets;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password reset, proving QUALITY S5: the token has at least 128 random bits and never appears in
 * the database (mail goes to a GreenMail SMTP server here, so no outbox holds it either), it works
 * once even under two concurrent redemptions, it fails at T+31 min (a movable clock), and the link
 * is built from the configured base URL whatever {@code Host} the request names. Using it signs the
 * user out everywhere and notifies them. The answer to a request is the same for every address
 * (S4), and the security question is an extra check after the token, never instead of it.
 */
@MentorHubIntegrationTest
class PasswordResetIntegrationTests {

	static final String PASSWORD = "quiet harbour lantern 42";

	static final String NEW_PASSWORD = "seven otters juggling plums";

	static final GreenMail SMTP = new GreenMail(new ServerSetup(org.mentorhub.FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("mentorhub.platform.base-url", () -> "https://mentorhub.example.org");
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	/** A clock that tests move forward; otherwise the real time. */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration by) {
			this.offset = this.offset.plus(by);
		}

		void reset() {
			this.offset = Duration.ZERO;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MovableClock clock;

	@Autowired
	PasswordResets resets;

	@AfterEach
	void resetTheClock() {
		this.clock.reset();
	}

	// ------------------------------------------------------------------ helpers

	/** The plain-text bodies of the mail GreenMail received for the address, newest first. */
	static List<String> mailTo(String email) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
				bodies.add(0, message.getSubject() + "\n" + plainText(message));
			}
		}
		return bodies;
	}

	static String plainText(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String text = plainText(body);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static String resetLinkMailedTo(String email) throws Exception {
		for (String body : mailTo(email)) {
			java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile("(\\S+/account/reset-password\\?token=[A-Za-z0-9_-]+)")
				.matcher(body);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("No reset link mailed to " + email);
	}

	static String tokenOf(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	MvcResult requestReset(String email) throws Exception {
		return this.mvc.perform(post("/api/v1/account/password-reset-requests").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\"}"))
			.andReturn();
	}

	String requestAndReadToken(String email) throws Exception {
		requestReset(email);
		return tokenOf(resetLinkMailedTo(email));
	}

	MvcResult resetThroughTheApi(String token, String password, String answer) throws Exception {
		String answerJson = answer == null ? "" : ",\"securityAnswer\":\"" + answer + "\"";
		return this.mvc.perform(post("/api/v1/account/password-resets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"" + password + "\"" + answerJson + "}"))
			.andReturn();
	}

	/** Every table and column of the database in which the text occurs. */
	List<String> placesHolding(String text) throws SQLException {
		List<String> places = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
					new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			assertThat(tables).as("the scan sees the schema").hasSizeGreaterThan(20);
			String quote = meta.getIdentifierQuoteString().strip();
			for (String table : tables) {
				try (var statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						for (int c = 1; c <= columns; c++) {
							Object value = rows.getObject(c);
							String asText = value instanceof byte[] bytes
									? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
									: String.valueOf(value);
							if (asText.contains(text)) {
								places.add(table + "." + rows.getMetaData().getColumnName(c));
							}
						}
					}
				}
			}
		}
		return places;
	}

	// ------------------------------------------------------------------ the journey

	@Test
	void aResetLinkSetsANewPasswordSignsOutEverywhereAndNotifies() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		long id = Accounts.userId(this.jdbc, email);
		Cookie before = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(post("/account/forgot-password").with(csrf()).param("email", email.toUpperCase()))
			.andExpect(redirectedUrl("/account/forgot-password?sent"));
		String link = resetLinkMailedTo(email);
		String token = tokenOf(link);
		assertThat(link).startsWith("https://mentorhub.example.org/account/reset-password?token=");
		assertThat(java.util.Base64.getUrlDecoder().decode(token)).as("at least 128 random bits").hasSizeGreaterThanOrEqualTo(16);

		this.mvc.perform(get("/account/reset-password").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a new password")));
		this.mvc.perform(post("/account/reset-password").with(csrf())
			.param("token", token)
			.param("password", NEW_PASSWORD)
			.param("passwordConfirmation", NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your password has been changed")));

		this.mvc.perform(get("/api/v1/me").cookie(before)).andExpect(status().isUnauthorized());
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(unauthenticated());
		Accounts.signIn(this.mvc, email, NEW_PASSWORD);
		assertThat(mailTo(email).get(0)).startsWith("Your MentorHub password was changed")
			.contains("signed out everywhere");
		assertThat(Accounts.auditedActions(this.jdbc, id)).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
		this.mvc.perform(get("/account/reset-password").param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This reset link cannot be used")));
	}

	@Test
	void theTokenNeverAppearsInTheDatabaseOnlyItsSha256() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String token = requestAndReadToken(email);

		assertThat(placesHolding(token)).isEmpty();
		assertThat(placesHolding(TokenHashing.sha256Hex(token))).singleElement()
			.satisfies(place -> assertThat(place).isEqualToIgnoringCase("password_resets.token_hash"));

		this.mvc.perform(get("/account/reset-password").param("token", token)).andExpect(status().isOk());
		resetThroughTheApi(token, NEW_PASSWORD, null);
		assertThat(placesHolding(token)).isEmpty();
	}

	@Test
	void twoConcurrentRedemptionsGiveExactlyOneSuccess() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String token = requestAndReadToken(email);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (String password : List.of("first racer passphrase", "second racer passphrase")) {
				outcomes.add(threads.submit(() -> {
					start.await();
					try {
						this.resets.reset(token, password, null);
						return "success:" + password;
					}
					catch (InvalidInputException ex) {
						return "refused";
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}

			assertThat(results).filteredOn(r -> r.startsWith("success")).hasSize(1);
			assertThat(results).filteredOn(r -> r.equals("refused")).hasSize(1);
			String winner = results.stream().filter(r -> r.startsWith("success")).findFirst().orElseThrow().substring(8);
			Accounts.signIn(this.mvc, email, winner);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aTokenStillWorksAt29MinutesAndFailsAt31() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String token = requestAndReadToken(email);
		String hashBefore = Accounts.column(this.jdbc, "password_hash", email);

		this.clock.advance(Duration.ofMinutes(29));
		this.mvc.perform(get("/account/reset-password").param("token", token)).andExpect(status().isOk());

		this.clock.advance(Duration.ofMinutes(2));
		this.mvc.perform(get("/account/reset-password").param("token", token)).andExpect(status().isGone());
		this.mvc.perform(post("/api/v1/account/password-resets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"))
			.andExpect(jsonPath("$.errors[0].message").value(PasswordResets.UNUSABLE));

		assertThat(Accounts.column(this.jdbc, "password_hash", email)).isEqualTo(hashBefore);
	}

	@Test
	void aForgedHostHeaderDoesNotChangeTheLink() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);

		this.mvc.perform(post("/api/v1/account/password-reset-requests").contentType(MediaType.APPLICATION_JSON)
			.header("Host", "evil.example")
			.header("X-Forwarded-Host", "evil.example")
			.header("Forwarded", "host=evil.example;proto=http")
			.with(request -> {
				request.setServerName("evil.example");
				return request;
			})
			.content("{\"email\":\"" + email + "\"}"))
			.andExpect(status().isAccepted());

		assertThat(resetLinkMailedTo(email)).startsWith("https://mentorhub.example.org/account/reset-password?token=")
			.doesNotContain("evil");
	}

	// ------------------------------------------------------------------ no enumeration (S4)

	@Test
	void everyAddressGetsTheSameAnswerAndOnlyActiveAccountsGetALink() throws Exception {
		String active = Accounts.anAccount().create(this.jdbc);
		String disabled = Accounts.anAccount().withStatus("DISABLED").create(this.jdbc);
		String invited = Accounts.anAccount().withStatus("INVITED").create(this.jdbc);
		String unknown = "nobody-" + Accounts.unique() + "@mentorhub.test";

		List<MvcResult> answers = new ArrayList<>();
		for (String email : List.of(active, disabled, invited, unknown)) {
			answers.add(requestReset(email));
		}

		for (MvcResult answer : answers) {
			assertThat(answer.getResponse().getStatus()).isEqualTo(202);
			assertThat(answer.getResponse().getContentAsString())
				.isEqualTo(answers.get(0).getResponse().getContentAsString());
		}
		assertThat(mailTo(active)).hasSize(1);
		assertThat(mailTo(disabled)).isEmpty();
		assertThat(mailTo(invited)).isEmpty();
		assertThat(mailTo(unknown)).isEmpty();
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, active)))
			.contains("PASSWORD_RESET_REQUESTED");
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, disabled))).isEmpty();

		String knownPage = this.mvc.perform(post("/account/forgot-password").with(csrf()).param("email", active))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String unknownPage = this.mvc.perform(post("/account/forgot-password").with(csrf()).param("email", unknown))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(knownPage).isEqualTo(unknownPage).isEqualTo("/account/forgot-password?sent");
	}

	// ------------------------------------------------------------------ bad input

	@Test
	void badInputIsRefusedAndLeavesTheLinkUsable() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String token = requestAndReadToken(email);
		String hashBefore = Accounts.column(this.jdbc, "password_hash", email);

		this.mvc.perform(post("/api/v1/account/password-reset-requests").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"not-an-address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		this.mvc.perform(post("/account/forgot-password").with(csrf()).param("email", "x".repeat(400)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a valid e-mail address.")));
		this.mvc.perform(post("/account/forgot-password").param("email", email)).andExpect(status().isForbidden());
		assertThat(resetThroughTheApi(token, "password1", null).getResponse().getContentAsString())
			.contains("too common");
		assertThat(resetThroughTheApi(token, "short", null).getResponse().getStatus()).isEqualTo(400);
		this.mvc.perform(post("/account/reset-password").with(csrf())
			.param("token", token)
			.param("password", NEW_PASSWORD)
			.param("passwordConfirmation", "something else entirely"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The two passwords are not the same.")));
		this.mvc.perform(get("/account/reset-password").param("token", "made-up-token")).andExpect(status().isGone());
		this.mvc.perform(get("/account/reset-password")).andExpect(status().isGone());
		assertThat(resetThroughTheApi("made-up-token", NEW_PASSWORD, null).getResponse().getStatus()).isEqualTo(400);

		assertThat(Accounts.column(this.jdbc, "password_hash", email)).isEqualTo(hashBefore);
		assertThat(resetThroughTheApi(token, NEW_PASSWORD, null).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aNewPasswordWithdrawsTheOtherOpenLinks() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String first = requestAndReadToken(email);
		String second = requestAndReadToken(email);

		assertThat(resetThroughTheApi(second, NEW_PASSWORD, null).getResponse().getStatus()).isEqualTo(200);

		this.mvc.perform(get("/account/reset-password").param("token", first)).andExpect(status().isGone());
	}

	// ------------------------------------------------------------------ security question

	String accountWithSecurityQuestion(boolean institutionUsesIt) throws Exception {
		var institution = Accounts.anInstitution();
		String code = (institutionUsesIt ? institution.withSecurityQuestion() : institution).create(this.jdbc);
		String email = Accounts.anAccount().in(code).create(this.jdbc);
		this.jdbc.sql("UPDATE users SET security_question = 'First school?', security_answer_hash = :h WHERE email = :e")
			.param("h", new PasswordHashing().encode("green hill primary"))
			.param("e", email)
			.update();
		return email;
	}

	@Test
	void whereTheInstitutionUsesItTheSecurityAnswerIsAskedAfterTheToken() throws Exception {
		String email = accountWithSecurityQuestion(true);
		String token = requestAndReadToken(email);

		this.mvc.perform(get("/account/reset-password").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("First school?")));
		this.mvc.perform(post("/account/reset-password").with(csrf())
			.param("token", token)
			.param("password", NEW_PASSWORD)
			.param("passwordConfirmation", NEW_PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Answer your security question")));
		assertThat(resetThroughTheApi(token, NEW_PASSWORD, null).getResponse().getContentAsString())
			.contains("securityAnswer");

		MvcResult answered = resetThroughTheApi(token, NEW_PASSWORD, "  Green Hill   PRIMARY ");
		assertThat(answered.getResponse().getStatus()).isEqualTo(200);
		Accounts.signIn(this.mvc, email, NEW_PASSWORD);
	}

	@Test
	void aWrongSecurityAnswerUsesUpTheLink() throws Exception {
		String email = accountWithSecurityQuestion(true);
		String token = requestAndReadToken(email);
		String hashBefore = Accounts.column(this.jdbc, "password_hash", email);

		this.mvc.perform(post("/account/reset-password").with(csrf())
			.param("token", token)
			.param("securityAnswer", "blue valley school")
			.param("password", NEW_PASSWORD)
			.param("passwordConfirmation", NEW_PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The answer does not match")));

		assertThat(resetThroughTheApi(token, NEW_PASSWORD, "green hill primary").getResponse().getStatus()).isEqualTo(400);
		assertThat(Accounts.column(this.jdbc, "password_hash", email)).isEqualTo(hashBefore);
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, email)))
			.contains("PASSWORD_RESET_ANSWER_FAILED");
	}

	@Test
	void theSecurityAnswerAloneNeverResetsAPassword() throws Exception {
		String email = accountWithSecurityQuestion(true);

		assertThat(resetThroughTheApi("", NEW_PASSWORD, "green hill primary").getResponse().getStatus()).isEqualTo(400);
		assertThat(resetThroughTheApi("guessed", NEW_PASSWORD, "green hill primary").getResponse().getStatus())
			.isEqualTo(400);

		Accounts.signIn(this.mvc, email, PASSWORD);
	}

	@Test
	void whereTheInstitutionDoesNotUseItTheQuestionIsNotAsked() throws Exception {
		String email = accountWithSecurityQuestion(false);
		String token = requestAndReadToken(email);

		this.mvc.perform(get("/account/reset-password").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("First school?"))));
		assertThat(resetThroughTheApi(token, NEW_PASSWORD, null).getResponse().getStatus()).isEqualTo(200);
	}

}
