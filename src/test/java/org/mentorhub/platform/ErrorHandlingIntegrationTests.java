package org.mentorhub.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Errors over real HTTP, through Tomcat's error dispatch: friendly pages for browsers, problem JSON
 * for the API, and never a stack trace or exception message (QUALITY S13).
 */
@MentorHubServerTest
class ErrorHandlingIntegrationTests {

	static final String SECRET_MESSAGE = "db password is hunter2";

	@LocalServerPort
	int port;

	// Keeps the Secure session cookie over plain HTTP to localhost, as browsers do (CookieManager does not).
	final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new HttpTestClient.CookieJar())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Autowired
	JdbcClient jdbc;

	/** Signs in as the administrator of a university of this test's own; the client keeps the session cookie. */
	@BeforeEach
	void signIn() throws Exception {
		Account admin = aUniversity().build(this.jdbc).anAdmin().create(this.jdbc);
		String page = get("/login", "text/html").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		String form = "username=" + URLEncoder.encode(admin.email(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		// Relative: a redirect never names a host taken from the request (docs/operations.md).
		assertThat(response.headers().firstValue("Location")).hasValue("/");
	}

	HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unknownPageShowsTheFriendly404Page() throws Exception {
		HttpResponse<String> response = get("/no-such-page", "text/html");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("There is nothing here").doesNotContain("Whitelabel", "Exception");
	}

	@Test
	void unknownApiPathGivesProblemJson() throws Exception {
		HttpResponse<String> response = get("/api/v1/no-such-thing", "application/json");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404").contains("\"detail\":\"There is nothing here.\"");
	}

	@Test
	void aFailingPageShowsTheGeneric500PageWithoutDetails() throws Exception {
		HttpResponse<String> response = get("/test-failures/page", "text/html");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Something went wrong on our side")
			.doesNotContain(SECRET_MESSAGE, "IllegalStateException", "at org.", "Whitelabel");
	}

	@Test
	void aFailingApiCallGivesProblemJsonWithoutDetails() throws Exception {
		HttpResponse<String> response = get("/test-failures/api", "application/json");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"status\":500")
			.contains("Something went wrong on our side")
			.doesNotContain(SECRET_MESSAGE, "IllegalStateException", "trace");
	}

	@Test
	void traceMethodIsNotAllowed() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
					.method("TRACE", HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(405);
	}

	@TestConfiguration
	static class FailingEndpoints {

		@Bean
		FailingPageController failingPageController() {
			return new FailingPageController();
		}

		@Bean
		FailingRestController failingRestController() {
			return new FailingRestController();
		}

	}

	@Controller
	static class FailingPageController {

		@GetMapping("/test-failures/page")
		String fail() {
			throw new IllegalStateException(SECRET_MESSAGE);
		}

	}

	@RestController
	static class FailingRestController {

		@GetMapping("/test-failures/api")
		String fail() {
			throw new IllegalStateException(SECRET_MESSAGE);
		}

	}

}
