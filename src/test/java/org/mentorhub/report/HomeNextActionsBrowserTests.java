package org.mentorhub.report;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each demo role's home page opens with what to do next, as links; every link of the dashboard leads
 * to a page that answers (no dead ends, no "/#" anchors), and each next action opens its page.
 */
@BrowserTest
class HomeNextActionsBrowserTests {

	@LocalServerPort
	int port;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	@ParameterizedTest
	@ValueSource(strings = { "mentor@northbridge.demo", "student@northbridge.demo", "coordinator@northbridge.demo",
			"mother@acme.demo" })
	void homeOpensWithNextActionsAndEveryLinkLeadsSomewhere(String login, WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn(login, "mentorhub-demo");
		driver.get(baseUrl() + "/");

		WebElement main = driver.findElement(By.id("main"));
		// The next actions come first, before the cards.
		WebElement first = main.findElements(By.cssSelector("section")).get(0);
		assertThat(first.getAttribute("id")).as("the first section of %s's home", login).isEqualTo("next-actions");
		List<WebElement> actions = first.findElements(By.cssSelector("li a"));
		if (actions.isEmpty()) {
			assertThat(first.findElement(By.id("next-none")).getText()).isNotBlank();
		}

		List<String> links = new ArrayList<>();
		for (WebElement link : main.findElements(By.cssSelector("a[href]"))) {
			String href = link.getAttribute("href");
			assertThat(href).as("a link on %s's home: %s", login, link.getText()).doesNotContain("/#")
				.startsWith(baseUrl());
			links.add(href);
		}
		assertThat(links).as("links on %s's home", login).isNotEmpty();
		List<String> nextActions = actions.stream().map(a -> a.getAttribute("href")).toList();
		for (String href : links.stream().distinct().limit(25).toList()) {
			driver.get(href);
			assertThat(driver.findElements(By.cssSelector("main h1"))).as("%s opens a page", href).isNotEmpty();
			assertThat(driver.getTitle()).as("%s opens without an error", href)
				.doesNotContainIgnoringCase("error")
				.doesNotContainIgnoringCase("not found")
				.doesNotContainIgnoringCase("not allowed");
		}
		assertThat(nextActions).as("next actions of %s", login).allSatisfy(href -> assertThat(links).contains(href));
	}

}
