package org.mentorhub.integration.microsoft;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OAuth client alone against a WireMock token endpoint: exchange, refresh, invalid_grant, the ID token's e-mail. */
class MicrosoftIdentityTests {

	static final WireMockServer MS = start();

	static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		return server;
	}

	@AfterAll
	static void stop() {
		MS.stop();
	}

	MicrosoftIdentity identity() {
		MicrosoftProperties properties = new MicrosoftProperties("client", "secret", "contoso",
				MS.baseUrl() + "/{tenant}/authorize", MS.baseUrl() + "/{tenant}/token", MS.baseUrl() + "/v1.0", null, Map.of(),
				Duration.ofSeconds(5), 3, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(1),
				Duration.ofMinutes(2));
		return new MicrosoftIdentity(properties, JsonMapper.builder().build());
	}

	@Test
	void exchangesRefreshesAndRecognisesARevokedGrant() {
		MS.stubFor(post(urlPathEqualTo("/contoso/token")).withRequestBody(containing("grant_type=authorization_code"))
			.willReturn(okJson("{\"access_token\":\"a1\",\"refresh_token\":\"r1\",\"expires_in\":3600,\"id_token\":\""
					+ MicrosoftFixtures.idToken("x@contoso.example") + "\"}")));
		MS.stubFor(post(urlPathEqualTo("/contoso/token")).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
		MicrosoftIdentity identity = identity();
		MicrosoftIdentity.TokenResponse response = identity.exchange(null, "code", "http://localhost/cb", "verifier");
		assertThat(response.accessToken()).isEqualTo("a1");
		assertThat(response.refreshToken()).isEqualTo("r1");
		assertThat(identity.emailOf(response.idToken())).isEqualTo("x@contoso.example");
		assertThatThrownBy(() -> identity.refresh(null, "r1")).isInstanceOf(MicrosoftIdentity.InvalidGrantException.class);
		assertThat(identity.authorizationUrl(null, "http://localhost/cb", "s", "v", null)).startsWith(MS.baseUrl() + "/contoso/authorize?")
			.contains("code_challenge_method=S256").contains("scope=openid%20profile%20email%20offline_access%20Calendars.ReadWrite");
	}

}
