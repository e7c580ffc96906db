package org.mentorhub.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TokenHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Bearer-token API calls over real HTTP (Tomcat's error dispatch included): errors are problem JSON
 * without details (QUALITY S13), and no call creates a session.
 */
@MentorHubServerTest
class BearerTokenServerIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String token;

	/** A read-and-write token of a fresh mentee, planted directly (the token itself is known only here). */
	@BeforeEach
	void plantToken() {
		Account owner = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		this.token = TestTokens.plant(this.jdbc, owner, "read write");
	}

	HttpResponse<String> send(String method, String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aValidTokenWorksAndSetsNoCookie() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/me", this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"primaryRole\":\"MENTEE\"");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void anUnknownApiPathIsProblemJsonForABearerCaller() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/no-such-thing", this.token);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception", "trace");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void aRefusedTokenIsProblemJsonWithoutACookieOrDetails() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/me", "mh_" + TokenHashing.newToken());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("Sign in, or send a valid access token.").doesNotContain("Exception");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void aBearerCallNeedsNoCsrfTokenButAMethodTheEndpointHas() throws Exception {
		HttpResponse<String> response = send("PUT", "/api/v1/me", this.token);

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("\"status\":405").doesNotContain("Exception");
	}

}
