package org.mentorhub.platform;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MutableClock;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.identity.TestAccounts;
import org.mentorhub.identity.UserSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over real HTTP (QUALITY S6): a new id at sign-in, the idle and absolute timeouts, sign-out
 * and "end all sessions" that really end them in the database, the cookie flags, and a session row
 * that a page view writes at most once a minute.
 */
@TimeTravelTest
class SessionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	UserSessions userSessions;

	@BeforeEach
	void realTime() {
		this.clock.reset();
	}

	HttpTestClient client() {
		return new HttpTestClient(this.port);
	}

	TestAccounts.Account anAccount() {
		return TestAccounts.anAccount(this.jdbc).named("session").create();
	}

	HttpTestClient signedIn(TestAccounts.Account account) {
		HttpTestClient client = client();
		assertThat(HttpTestClient.location(client.signIn(account.email(), account.password()))).hasValue("/");
		return client;
	}

	static void assertSignedIn(HttpTestClient client) {
		assertThat(client.get("/").statusCode()).isEqualTo(200);
	}

	static void assertSignedOut(HttpTestClient client) {
		HttpResponse<String> page = client.get("/");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(HttpTestClient.location(page)).hasValue("/login");
		assertThat(client.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
	}

	String sessionCookie(HttpTestClient client) {
		return client.cookies().value("SESSION").orElseThrow();
	}

	@Test
	void signingInGivesANewSessionIdAndThePreLoginCookieIsDead() {
		TestAccounts.Account account = anAccount();
		HttpTestClient browser = client();
		browser.get("/login");
		String preLogin = sessionCookie(browser);

		assertThat(HttpTestClient.location(browser.signIn(account.email(), account.password()))).hasValue("/");

		String afterLogin = sessionCookie(browser);
		assertThat(afterLogin).isNotEqualTo(preLogin);
		assertSignedIn(browser);
		HttpTestClient attacker = client();
		attacker.cookies().set("SESSION", preLogin);
		assertSignedOut(attacker);
	}

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() {
		HttpTestClient browser = signedIn(anAccount());

		assertThat(browser.cookies().lastSetCookie("SESSION")).hasValueSatisfying(line -> assertThat(line)
			.contains("; Secure", "; HttpOnly", "SameSite=Lax", "Path=/"));
	}

	@Test
	void sessionIdsCarry256RandomBits() {
		TestAccounts.Account account = anAccount();
		signedIn(account);

		String id = this.jdbc.sql("SELECT SESSION_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :name")
			.param("name", account.username())
			.query(String.class)
			.single();
		assertThat(id).matches("[A-Za-z0-9_-]{43}");
	}

	@Test
	void signingOutEndsTheSessionAndAReplayedCookieIsRefused() {
		HttpTestClient browser = signedIn(anAccount());
		String cookie = sessionCookie(browser);

		HttpResponse<String> out = browser.signOut();
		assertThat(HttpTestClient.location(out)).hasValue("/login?logout");

		HttpTestClient replay = client();
		replay.cookies().set("SESSION", cookie);
		assertSignedOut(replay);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = :id")
			.param("id", new String(java.util.Base64.getDecoder().decode(cookie)))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSessionIdleForThirtyMinutesIsOver() {
		TestAccounts.Account account = anAccount();
		HttpTestClient browser = signedIn(account);
		assertThat(this.jdbc.sql("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :name")
			.param("name", account.username())
			.query(Integer.class)
			.single()).isEqualTo(1800);

		// Spring Session judges idleness by the database's last-access time: move it 29 minutes back.
		moveLastAccess(account, Duration.ofMinutes(29));
		assertSignedIn(browser);

		moveLastAccess(account, Duration.ofMinutes(31));
		assertSignedOut(browser);
	}

	@Test
	void aPageViewWritesTheSessionRowOnlyOnceAMinuteHasPassedSinceTheStoredAccess() {
		TestAccounts.Account account = anAccount();
		HttpTestClient browser = signedIn(account);

		moveLastAccess(account, Duration.ofSeconds(30));
		long thirtySecondsAgo = lastAccess(account);
		assertSignedIn(browser);
		assertThat(lastAccess(account)).as("a view within the minute leaves the row alone").isEqualTo(thirtySecondsAgo);

		moveLastAccess(account, Duration.ofSeconds(40));
		long seventySecondsAgo = lastAccess(account);
		assertSignedIn(browser);
		assertThat(lastAccess(account)).as("a view a minute later moves the access time")
			.isGreaterThanOrEqualTo(seventySecondsAgo + 70_000 - 5_000);
	}

	long lastAccess(TestAccounts.Account account) {
		return this.jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :name")
			.param("name", account.username())
			.query(Long.class)
			.single();
	}

	void moveLastAccess(TestAccounts.Account account, Duration back) {
		this.jdbc.sql("""
				UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - :back, EXPIRY_TIME = EXPIRY_TIME - :back
				WHERE PRINCIPAL_NAME = :name""")
			.param("back", back.toMillis())
			.param("name", account.username())
			.update();
	}

	@Test
	void aSessionEndsTwelveHoursAfterItBeganHoweverActive() {
		HttpTestClient browser = signedIn(anAccount());

		this.clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertSignedIn(browser);

		this.clock.advance(Duration.ofMinutes(2));
		assertSignedOut(browser);
	}

	@Test
	void endingAllOfAUsersSessionsSignsThemOutEverywhere() {
		TestAccounts.Account account = anAccount();
		HttpTestClient laptop = signedIn(account);
		HttpTestClient phone = signedIn(account);
		HttpTestClient someoneElse = signedIn(anAccount());

		assertThat(this.userSessions.activeSessions(account.username())).hasSize(2);
		assertThat(this.userSessions.endAll(account.username(), null)).isEqualTo(2);

		assertSignedOut(laptop);
		assertSignedOut(phone);
		assertSignedIn(someoneElse);
		assertThat(this.userSessions.activeSessions(account.username())).isEmpty();
	}

	@Test
	void endingOneSessionLeavesTheOthers() {
		TestAccounts.Account account = anAccount();
		HttpTestClient laptop = signedIn(account);
		HttpTestClient phone = signedIn(account);
		String laptopId = new String(java.util.Base64.getDecoder().decode(sessionCookie(laptop)));

		assertThat(this.userSessions.endAll(account.username(), laptopId)).isEqualTo(1);

		assertSignedIn(laptop);
		assertSignedOut(phone);
	}

}
