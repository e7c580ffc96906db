package org.mentorhub.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.OtherInstance;
import org.mentorhub.MutableClock;
import org.mentorhub.TimeTravelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QUALITY S3: the brute-force counters live in the database, so failures add up across
 * application instances. Instance A is this test's application; instance B is a second, complete
 * application started on the same database (the same in-memory H2 database, PostgreSQL or MariaDB
 * as the suite's). Failures alternate between the two.
 */
@TimeTravelTest
class LoginThrottleTwoInstancesIntegrationTests {

	static ConfigurableApplicationContext instanceB;

	@LocalServerPort
	int portA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeAll
	static void startInstanceB() {
		instanceB = OtherInstance.start();
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@BeforeEach
	void realTime() {
		this.clock.reset();
	}

	int portB() {
		return OtherInstance.port(instanceB);
	}

	static void assertFailed(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(HttpTestClient.location(response)).hasValue("/login?error");
	}

	@Test
	void failuresOnTwoInstancesAddUpToOneLock() {
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("two-instances").create();
		HttpTestClient onA = new HttpTestClient(this.portA);
		HttpTestClient onB = new HttpTestClient(portB());

		// Five failures in a row, alternating A, B, A, B, A: no instance alone has seen five.
		for (int i = 0; i < 5; i++) {
			assertFailed((i % 2 == 0 ? onA : onB).signIn(account.email(), "wrong password " + i));
		}

		assertFailed(onB.signIn(account.email(), account.password()));
		assertFailed(onA.signIn(account.email(), account.password()));
		assertThat(this.jdbc.sql("""
				SELECT failures FROM login_throttles
				WHERE action = 'LOGIN' AND key_type = 'ACCOUNT' AND throttle_key = :key""")
			.param("key", account.email())
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void aSuccessOnOneInstanceResetsTheCountForTheOther() {
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("two-instances").create();
		HttpTestClient onA = new HttpTestClient(this.portA);
		HttpTestClient onB = new HttpTestClient(portB());
		for (int i = 0; i < 4; i++) {
			assertFailed((i % 2 == 0 ? onA : onB).signIn(account.email(), "wrong password " + i));
		}

		assertThat(HttpTestClient.location(onB.signIn(account.email(), account.password()))).hasValue("/");

		for (int i = 0; i < 4; i++) {
			assertFailed(new HttpTestClient(this.portA).signIn(account.email(), "wrong again " + i));
		}
		assertThat(HttpTestClient.location(new HttpTestClient(this.portA).signIn(account.email(), account.password())))
			.hasValue("/");
	}

	@Test
	void aSessionStartedOnOneInstanceIsServedByTheOther() {
		HttpTestClient onA = new HttpTestClient(this.portA);
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("two-instances").create();
		assertThat(HttpTestClient.location(onA.signIn(account.email(), account.password()))).hasValue("/");

		HttpTestClient onB = new HttpTestClient(portB());
		onB.cookies().set("SESSION", onA.cookies().value("SESSION").orElseThrow());

		assertThat(onB.get("/api/v1/me", "application/json").body()).contains(account.email());
	}

}
