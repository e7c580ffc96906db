package org.mentorhub.identity.signin;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MutableClock;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockout journey in a real browser (QUALITY S3): after several wrong passwords even the right
 * one gets the same generic, helpful message; once the lock has passed, signing in works.
 */
@TimeTravelTest
@ExtendWith(Browser.class)
class SignInBrowserTests {

	static final String FAILED = "That e-mail or username and password do not match an active account.";

	static final String WAIT_HINT = "If you typed the wrong password several times, wait a few minutes before you try again.";

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

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	void assertRefusedWithTheGenericMessage(WebDriver driver) {
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/login?error");
		assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo(FAILED);
		assertThat(driver.findElement(By.id("login-wait-hint")).getText()).isEqualTo(WAIT_HINT);
	}

	@Test
	void afterSeveralWrongPasswordsEvenTheRightOneWaitsUntilTheLockHasPassed(WebDriver driver) {
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("browser-lock")
			.withPassword("amber lantern over the harbour")
			.create();
		for (int i = 1; i <= 5; i++) {
			SignInPage.open(driver, baseUrl()).signIn(account.email(), "amber lantern over the harbor " + i);
			assertRefusedWithTheGenericMessage(driver);
		}

		SignInPage.open(driver, baseUrl()).signIn(account.email(), account.password());
		assertRefusedWithTheGenericMessage(driver);

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(5));
		SignInPage.open(driver, baseUrl()).signIn(account.email(), account.password());

		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/");
		assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains("Test browser-lock");
	}

	@Test
	void theBrowserKeepsTheSecureHttpOnlySessionCookieOnLocalhost(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("student@northbridge.demo", "mentorhub-demo");

		Cookie session = driver.manage().getCookieNamed("SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isSecure()).isTrue();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/");
	}

}
