package org.mentorhub.identity.signin;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MutableClock;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.identity.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QUALITY S4 over real HTTP: the sign-in gives the same answer (status, redirect, headers and the
 * page it leads to) whether the e-mail belongs to nobody, to an active account with a wrong
 * password, to a disabled or invited account, or to a locked account with the right password.
 */
@TimeTravelTest
class AccountEnumerationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void realTime() {
		this.clock.reset();
	}

	/** What a client can observe of a failed sign-in, with the per-session random parts masked. */
	record Answer(int status, String location, TreeSet<String> headerNames, String body, int pageStatus,
			String page) {
	}

	Answer signIn(String login, String password) {
		HttpTestClient browser = new HttpTestClient(this.port);
		HttpResponse<String> response = browser.signIn(login, password);
		String location = HttpTestClient.location(response).orElse(null);
		HttpResponse<String> page = browser.get(location == null ? "/login" : location);
		TreeSet<String> headers = new TreeSet<>(response.headers().map().keySet());
		return new Answer(response.statusCode(), location, headers, response.body(), page.statusCode(),
				page.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"…\""));
	}

	@Test
	void knownUnknownDisabledInvitedAndLockedAccountsGetTheSameAnswer() {
		TestAccounts.Account active = TestAccounts.anAccount(this.jdbc).named("enum-active").create();
		TestAccounts.Account disabled = TestAccounts.anAccount(this.jdbc).named("enum-disabled").withStatus("DISABLED").create();
		TestAccounts.Account invited = TestAccounts.anAccount(this.jdbc).named("enum-invited").withStatus("INVITED").create();
		TestAccounts.Account locked = TestAccounts.anAccount(this.jdbc).named("enum-locked").create();
		for (int i = 0; i < 5; i++) {
			signIn(locked.email(), "wrong " + i);
		}

		Map<String, Answer> answers = new LinkedHashMap<>();
		answers.put("wrong password", signIn(active.email(), "not the password"));
		answers.put("unknown e-mail", signIn("nobody-" + UUID.randomUUID() + "@mentorhub.test", "not the password"));
		answers.put("disabled, right password", signIn(disabled.email(), disabled.password()));
		answers.put("invited, right password", signIn(invited.email(), invited.password()));
		answers.put("locked, right password", signIn(locked.email(), locked.password()));

		Answer expected = answers.get("wrong password");
		assertThat(expected.status()).isEqualTo(302);
		assertThat(expected.location()).isEqualTo("/login?error");
		assertThat(expected.page()).contains("id=\"login-error\"", "id=\"login-wait-hint\"");
		answers.forEach((kind, answer) -> assertThat(answer).as(kind).isEqualTo(expected));
	}

	@Test
	void theErrorMessageIsGenericButTellsWhatToDo() {
		Answer answer = signIn("nobody-" + UUID.randomUUID() + "@mentorhub.test", "whatever");

		assertThat(answer.page()).contains("That e-mail or username and password do not match an active account.",
				"If you typed the wrong password several times, wait a few minutes before you try again.");
	}

}
