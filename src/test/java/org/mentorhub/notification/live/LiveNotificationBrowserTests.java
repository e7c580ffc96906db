package org.mentorhub.notification.live;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Issue 14's live notifications in two real browsers: the mentor watches the notification centre,
 * the mentee requests the mentor, and the mentor's bell count, its label, a toast and the list
 * update without a reload. Once with both browsers on one instance, once with each on its own
 * instance of the same database ({@link SecondInstance}; the database is the one
 * {@code mentorhub.test.db} chooses).
 */
@BrowserTest
class LiveNotificationBrowserTests {

	@LocalServerPort
	int port;

	@AfterAll
	static void stopTheSecondInstance() {
		SecondInstance.stop();
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMentorsBellAndListUpdateWithoutAReload(WebDriver mentee, WebDriver mentor) {
		requestAndWatch(mentee, this.port, mentor, this.port, false);
	}

	@Test
	void theMentorsBellAndListUpdateWhenTheBrowsersUseTwoInstances(WebDriver mentee, WebDriver mentor) {
		requestAndWatch(mentee, this.port, mentor, SecondInstance.port(), true);
	}

	/**
	 * @param older whether the mentor has read a notification before (a list to add to), or has none
	 * (the centre's empty state, which the first new one replaces by a list)
	 */
	void requestAndWatch(WebDriver menteeBrowser, int menteePort, WebDriver mentorBrowser, int mentorPort,
			boolean older) {
		TestInstitution college = aUniversity().withApprovalRequired(false).withTimeZone("UTC").withDepartment("CS")
			.build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Grace Hopper").withMentorProfile(2).create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Alan Turing").create(this.jdbc);
		this.jdbc.sql("INSERT INTO user_profiles (user_id, goals_text) VALUES (:u, 'Learn compilers')")
			.param("u", mentee.id())
			.update();

		// The mentor watches the notification centre with its stream open.
		if (older) {
			long read = LiveFixtures.notify(this.jdbc, mentor, "An older notification");
			this.jdbc.sql("UPDATE notifications SET read_at = created_at WHERE id = :id").param("id", read).update();
		}
		signIn(mentorBrowser, mentorPort, mentor);
		mentorBrowser.get(url(mentorPort, "/notifications"));
		WebElement bell = mentorBrowser.findElement(By.id("notification-bell"));
		new WebDriverWait(mentorBrowser, Duration.ofSeconds(15))
			.until(ExpectedConditions.attributeToBe(bell, "data-mh-live", "connected"));
		assertThat(bell.getAttribute("data-unread")).isEqualTo("0");
		assertThat(Browser.findNow(mentorBrowser, By.cssSelector("#notification-list li"))).hasSize(older ? 1 : 0);
		assertThat(Browser.findNow(mentorBrowser, By.cssSelector("main .empty-state"))).hasSize(older ? 0 : 1);
		((JavascriptExecutor) mentorBrowser).executeScript("window.mhSamePage = true;");

		// The mentee asks for the mentor, in the other browser.
		signIn(menteeBrowser, menteePort, mentee);
		menteeBrowser.get(url(menteePort, "/mentorships/request"));
		new Select(menteeBrowser.findElement(By.id("mentor-0"))).selectByValue(String.valueOf(mentor.id()));
		menteeBrowser.findElement(By.id("goal-0")).sendKeys("Write my first parser");
		menteeBrowser.findElement(By.cssSelector("#request-form button[type=submit]")).click();
		new WebDriverWait(menteeBrowser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-message")));

		// The mentor's page changes by itself: count, label, toast and the list's new first row.
		new WebDriverWait(mentorBrowser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("notification-count"), "1"));
		assertThat(mentorBrowser.findElement(By.id("notification-count")).isDisplayed()).isTrue();
		assertThat(bell.getAttribute("aria-label")).isEqualTo("1 unread notifications");
		WebElement toast = mentorBrowser.findElement(By.cssSelector("#notification-toasts .toast"));
		assertThat(toast.getAttribute("role")).isEqualTo("status");
		assertThat(toast.getText()).contains("Alan Turing");
		java.util.List<WebElement> rows = mentorBrowser.findElements(By.cssSelector("#notification-list li"));
		assertThat(rows).hasSize(older ? 2 : 1);
		WebElement row = rows.get(0);
		assertThat(row.getText()).contains("Alan Turing asks you to be their mentor");
		if (older) {
			assertThat(rows.get(1).getText()).contains("An older notification");
		}
		assertThat(Browser.findNow(mentorBrowser, By.cssSelector("main .empty-state"))).isEmpty();
		String open = row.findElement(By.tagName("a")).getAttribute("href");
		assertThat(open).matches(".*/notifications/\\d+/open");
		assertThat(((JavascriptExecutor) mentorBrowser).executeScript("return window.mhSamePage === true;"))
			.as("the page was not reloaded").isEqualTo(true);

		// The link opens the mentorship and marks the notification read.
		mentorBrowser.get(open);
		assertThat(mentorBrowser.getCurrentUrl()).contains("/mentorships/");
		assertThat(mentorBrowser.findElement(By.id("notification-bell")).getAttribute("data-unread")).isEqualTo("0");
	}

	static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

	static void signIn(WebDriver driver, int port, Account account) {
		SignInPage.open(driver, url(port, "")).signIn(account.email(), TestAccounts.PASSWORD);
	}

}
