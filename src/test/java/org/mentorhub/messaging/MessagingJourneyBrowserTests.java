package org.mentorhub.messaging;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Issue 17's journey in two real browsers: A asks B to connect from the suggestions and B accepts; A
 * writes, and B (watching the conversation list) sees the unread badge change and, with the
 * conversation open, the new message arrive without a reload; B replies, and A sees the reply arrive
 * and their own message marked "read", again without a reload.
 */
@BrowserTest
class MessagingJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoPeopleConnectAndWriteToEachOtherLive(WebDriver a, WebDriver b) {
		TestInstitution college = aUniversity().withTimeZone("UTC").withDepartment("CS").build(this.jdbc);
		Account ada = college.aMentee().inDepartment("CS").named("Ada Lovelace").create(this.jdbc);
		Account bob = college.aMentor().inDepartment("CS").named("Bob Kahn").create(this.jdbc);

		// A asks B to connect, from the suggestions, with a note.
		signIn(a, ada);
		a.get(url("/network"));
		a.findElement(By.id("note-" + bob.id())).sendKeys("We met at the fair");
		a.findElement(By.id("connect-" + bob.id())).click();
		wait(a).until(ExpectedConditions.presenceOfElementLocated(By.id("network-done")));
		assertThat(a.findElement(By.id("requests-sent")).getText()).contains("Bob Kahn");

		// B accepts.
		signIn(b, bob);
		b.get(url("/network"));
		assertThat(b.findElement(By.id("requests-received")).getText()).contains("Ada Lovelace", "We met at the fair");
		b.findElement(By.cssSelector("#requests-received button[id^=accept-]")).click();
		wait(b).until(ExpectedConditions.presenceOfElementLocated(By.id("network-done")));
		assertThat(b.findElement(By.id("connections")).getText()).contains("Ada Lovelace");

		// B watches the conversation list, with the stream open.
		b.get(url("/messages"));
		waitConnected(b);
		assertThat(b.findElement(By.id("messages-badge")).getAttribute("data-unread")).isEqualTo("0");
		markPage(b);

		// A writes.
		a.get(url("/network"));
		a.findElement(By.id("write-" + bob.id())).click();
		wait(a).until(ExpectedConditions.presenceOfElementLocated(By.id("message-text")));
		String conversation = MessagingFixtures.conversation(ada, bob);
		assertThat(a.getCurrentUrl()).endsWith("/messages/" + conversation);
		a.findElement(By.id("message-text")).sendKeys("Hello Bob, see https://example.org/plan");
		a.findElement(By.id("message-send")).click();
		wait(a).until(d -> textOf(d, "message-list").contains("Hello Bob"));
		assertThat(a.findElement(By.cssSelector("#message-list .message-state")).getText()).isEqualTo("sent");

		// B's badge changes without a reload.
		wait(b).until(ExpectedConditions.textToBe(By.id("messages-count"), "1"));
		assertThat(samePage(b)).as("B's page was not reloaded").isTrue();

		// B opens the conversation (which marks it read) and A's next message arrives live.
		b.get(url("/messages/" + conversation));
		waitConnected(b);
		assertThat(textOf(b, "message-list")).contains("Hello Bob");
		assertThat(b.findElement(By.cssSelector("#message-list a[href='https://example.org/plan']"))).isNotNull();
		assertThat(b.findElement(By.id("messages-badge")).getAttribute("data-unread")).isEqualTo("0");
		markPage(b);
		// A watches the conversation too.
		a.get(url("/messages/" + conversation));
		waitConnected(a);
		assertThat(a.findElement(By.cssSelector("#message-list .message-state")).getText()).isEqualTo("read");
		markPage(a);
		a.findElement(By.id("message-text")).sendKeys("Are you there?");
		a.findElement(By.id("message-send")).click();
		wait(b).until(d -> textOf(d, "message-list").contains("Are you there?"));
		assertThat(samePage(b)).as("B's conversation was not reloaded").isTrue();

		// B replies; A sees the reply and "read" on their own messages, without a reload.
		waitConnected(a);
		markPage(a);
		b.findElement(By.id("message-text")).sendKeys("Yes, hello Ada");
		b.findElement(By.id("message-send")).click();
		wait(a).until(d -> textOf(d, "message-list").contains("Yes, hello Ada"));
		wait(a).until(d -> Browser.findNow(d, By.cssSelector("#message-list .message-state[data-mh-state=sent]")).isEmpty());
		assertThat(a.findElements(By.cssSelector("#message-list .message-state[data-mh-state=read]"))).hasSize(2);
		assertThat(samePage(a)).as("A's conversation was not reloaded").isTrue();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void signIn(WebDriver driver, Account account) {
		SignInPage.open(driver, url("")).signIn(account.email(), TestAccounts.PASSWORD);
	}

	static WebDriverWait wait(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	static void waitConnected(WebDriver driver) {
		wait(driver).until(d -> "connected".equals(d.findElement(By.id("notification-bell")).getAttribute("data-mh-live")));
	}

	static String textOf(WebDriver driver, String id) {
		return driver.findElement(By.id(id)).getText();
	}

	static void markPage(WebDriver driver) {
		((JavascriptExecutor) driver).executeScript("window.mhSamePage = true;");
	}

	static boolean samePage(WebDriver driver) {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.mhSamePage === true;"));
	}

}
