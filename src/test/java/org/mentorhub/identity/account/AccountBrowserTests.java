package org.mentorhub.identity.account;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.browser.UserMenu;
import org.mentorhub.identity.Accounts;
import org.mentorhub.platform.PlatformProperties;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account journeys in a real browser, through the development outbox: a forgotten password
 * reset from the sign-in page to signing in with the new password, and an invitation from the
 * administrator's form to the invited person's first sign-in. Each uses accounts of its own.
 */
@BrowserTest
class AccountBrowserTests {

	static final String PASSWORD = "quiet harbour lantern 42";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformProperties platform;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	WebDriverWait waitFor(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	void signOut(WebDriver driver) {
		UserMenu.signOut(driver);
	}

	void fill(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	void submit(WebDriver driver, String formId) {
		String before = driver.getCurrentUrl();
		driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
		waitFor(driver).until(d -> !d.getCurrentUrl().equals(before)
				|| !d.findElements(By.id("form-errors")).isEmpty()
				|| !d.findElements(By.id("done-heading")).isEmpty());
	}

	/**
	 * Signs in as the platform administrator, opens the newest outbox mail to the address, reads the
	 * link to {@code path} and signs out again; returns the link, moved to the port of this test
	 * server (the mail is built from the configured base URL, as it must be).
	 */
	String linkFromTheOutbox(WebDriver driver, String email, String path) {
		SignInPage.open(driver, baseUrl()).signIn("platform@mentorhub.demo", "mentorhub-demo");
		driver.get(baseUrl() + "/platform/outbox");
		WebElement row = driver.findElements(By.cssSelector("#outbox tbody tr"))
			.stream()
			.filter(r -> r.getText().contains(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No mail to " + email + " in the outbox"));
		row.findElement(By.tagName("a")).click();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("mail-body")));
		assertThat(driver.findElement(By.id("mail-to")).getText()).isEqualTo(email);
		String body = driver.findElement(By.id("mail-body")).getText();
		signOut(driver);

		String configured = this.platform.baseUrl().toString().replaceAll("/+$", "");
		Matcher link = Pattern.compile(Pattern.quote(configured + path) + "\\?token=[A-Za-z0-9_-]+").matcher(body);
		assertThat(link.find()).as("a link to " + path + " in: " + body).isTrue();
		return baseUrl() + link.group().substring(configured.length());
	}

	@Test
	void aForgottenPasswordIsResetThroughTheMailedLink(WebDriver driver) {
		String email = Accounts.anAccount().named("Rosa Reset").create(this.jdbc);
		String newPassword = "lilac thunder over seven bridges";

		SignInPage.open(driver, baseUrl());
		driver.findElement(By.id("forgot-password-link")).click();
		waitFor(driver).until(ExpectedConditions.urlContains("/account/forgot-password"));
		fill(driver, "email", email);
		submit(driver, "forgot-form");
		assertThat(driver.findElement(By.id("forgot-sent")).getText())
			.startsWith("If an active account uses this address, we have sent it a link");

		driver.get(linkFromTheOutbox(driver, email, "/account/reset-password"));
		fill(driver, "password", newPassword);
		fill(driver, "passwordConfirmation", newPassword + "?");
		submit(driver, "reset-form");
		assertThat(driver.findElement(By.id("form-errors")).getText()).contains("The two passwords are not the same.");
		fill(driver, "password", newPassword);
		fill(driver, "passwordConfirmation", newPassword);
		submit(driver, "reset-form");
		assertThat(driver.findElement(By.id("done-heading")).getText()).isEqualTo("Your password has been changed");

		driver.findElement(By.id("sign-in-link")).click();
		waitFor(driver).until(ExpectedConditions.urlContains("/login"));
		new SignInPageAgain(driver).signIn(email, PASSWORD);
		assertThat(driver.findElement(By.id("login-error")).isDisplayed()).isTrue();
		SignInPage.open(driver, baseUrl()).signIn(email, newPassword);
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/");

		UserMenu.choose(driver, "nav-account");
		waitFor(driver).until(ExpectedConditions.urlToBe(baseUrl() + "/account"));
		assertThat(driver.findElement(By.id("account-email")).getText()).isEqualTo(email);
	}

	@Test
	void anInvitedPersonSetsAPasswordThroughTheMailedLinkAndSignsIn(WebDriver driver) {
		String admin = Accounts.anAccount().withRole("ADMIN").named("Ada Admin").create(this.jdbc);
		String invitee = "browser-invitee-" + Accounts.unique() + "@mentorhub.test";
		String chosen = "orange kite above the harbour";

		SignInPage.open(driver, baseUrl()).signIn(admin, PASSWORD);
		driver.get(baseUrl() + "/admin/users/invite");
		// An administrator's long navigation wraps; it never makes the page scroll sideways.
		assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as("no horizontal scrolling").isTrue();
		fill(driver, "email", invitee);
		fill(driver, "fullName", "Iris Invitee");
		driver.findElement(By.id("role-MENTOR")).click();
		// Select, not a click on the option: a clicked option can leave the native list open over the button.
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("departmentId"))).selectByIndex(1);
		driver.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("invite-sent")));
		assertThat(driver.findElement(By.id("invite-sent")).getText()).isEqualTo("Invitation sent to " + invitee + ".");
		signOut(driver);

		driver.get(linkFromTheOutbox(driver, invitee, "/account/activate"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Choose your password");
		fill(driver, "password", chosen);
		fill(driver, "passwordConfirmation", chosen);
		submit(driver, "activate-form");
		assertThat(driver.findElement(By.id("done-heading")).getText()).isEqualTo("Your account is active");

		driver.findElement(By.id("sign-in-link")).click();
		waitFor(driver).until(ExpectedConditions.urlContains("/login"));
		new SignInPageAgain(driver).signIn(invitee, chosen);
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/");
		assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains("Iris Invitee", "Mentor");
	}

	/** The sign-in page already open in the browser. */
	static final class SignInPageAgain {

		private final WebDriver driver;

		SignInPageAgain(WebDriver driver) {
			this.driver = driver;
		}

		void signIn(String login, String password) {
			String before = this.driver.getCurrentUrl();
			this.driver.findElement(By.id("username")).sendKeys(login);
			this.driver.findElement(By.id("password")).sendKeys(password);
			this.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
			new WebDriverWait(this.driver, Duration.ofSeconds(15))
				.until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
		}

	}

}
