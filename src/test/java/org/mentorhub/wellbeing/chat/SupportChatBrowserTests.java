package org.mentorhub.wellbeing.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support chat journey in a real browser, without a configured model: a new mother finds the chat
 * in her navigation, is shown the consent page first, consents, writes a message that htmx answers in
 * place with the AI disclosure and a curated reply, writes a crisis message that gets the help lines,
 * and opens her mood page; her institution's administrator gets "not found".
 */
@BrowserTest
class SupportChatBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewMotherConsentsChatsGetsHelpLinesAndSeesHerMoodWhileTheAdministratorSeesNothing(WebDriver driver) {
		TestInstitution company = TestInstitutions.aCompany().build(this.jdbc);
		Account mother = company.a(RoleName.NEW_MOTHER).create(this.jdbc);
		Account admin = company.anAdmin().create(this.jdbc);
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

		SignInPage.open(driver, base).signIn(mother.email(), "mentorhub-demo");
		String chatLink = driver.findElement(By.id("nav-support-chat")).getAttribute("href");
		driver.get(chatLink);
		assertThat(driver.findElement(By.id("consent-form")).isDisplayed()).isTrue();
		driver.findElement(By.id("agree")).click();
		driver.findElement(By.id("consent-submit")).click();
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("chat-form")).isDisplayed());

		send(driver, wait, "The nights are long and I feel a bit lonely");
		String messages = driver.findElement(By.id("chat-messages")).getText();
		assertThat(messages).contains("I am an AI companion").contains("The nights are long");
		assertThat(driver.findElements(By.cssSelector("#chat-messages li.support-chat-message"))).hasSize(3);
		assertThat(driver.findElement(By.id("message")).getAttribute("value")).isEmpty();

		send(driver, wait, "I dont want to be here anymore");
		wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("chat-messages")).getText().contains("116 123"));

		driver.get(base + "/support-chat/mood");
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("mood-table")).isDisplayed());
		assertThat(((JavascriptExecutor) driver).executeScript(
				"return document.querySelector('#mood-chart polyline').getAttribute('points')")).isNotNull();

		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		assertThat(Browser.findNow(driver, By.id("nav-support-chat"))).isEmpty();
		driver.get(base + "/support-chat");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("There is nothing here");
		assertThat(driver.getPageSource()).doesNotContain("The nights are long");
	}

	private static void send(WebDriver driver, WebDriverWait wait, String text) {
		driver.findElement(By.id("message")).sendKeys(text);
		driver.findElement(By.id("chat-send")).click();
		wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("chat-messages")).getText().contains(text));
	}

}
