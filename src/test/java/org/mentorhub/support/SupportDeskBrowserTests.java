package org.mentorhub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One issue end to end in a real browser: a mentee reports a problem from the page she is on (the footer
 * link fills in the page) with a screenshot; the administrator assigns it, answers and adds an internal
 * note; the mentee replies and never sees the note; the administrator resolves it; the mentee reopens it.
 */
@BrowserTest
class SupportDeskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMenteeReportsTheAdministratorAnswersAndResolvesAndTheMenteeReopens(WebDriver driver) throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().named("Ada Admin").create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").named("Jo Student").create(this.jdbc);
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Path screenshot = Files.createTempFile("screen-", ".png");
		Files.write(screenshot, TestFiles.picture("png", 64, 48, false));

		// 1. The mentee reports a problem from the goals page, with a screenshot.
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(base + "/goals");
		driver.findElement(By.id("report-problem")).click();
		wait.until(d -> d.getCurrentUrl().contains("/support/new"));
		assertThat(driver.findElement(By.id("pagePath")).getAttribute("value")).isEqualTo("/goals");
		driver.findElement(By.id("title")).sendKeys("The progress chart stays empty");
		new Select(driver.findElement(By.id("category"))).selectByVisibleText("Technical problem");
		driver.findElement(By.id("description")).sendKeys("I posted two updates but the chart shows nothing.");
		driver.findElement(By.id("file")).sendKeys(screenshot.toAbsolutePath().toString());
		driver.findElement(By.id("report-submit")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=reported"));
		String issueUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
		assertThat(driver.findElement(By.id("attachments")).getText()).contains(".png");

		// 2. The administrator assigns it to herself, answers, and adds an internal note.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		driver.get(base + "/support/queue");
		driver.findElement(By.linkText("The progress chart stays empty")).click();
		wait.until(d -> d.getCurrentUrl().startsWith(issueUrl));
		new Select(driver.findElement(By.id("assigneeId"))).selectByVisibleText("Ada Admin");
		driver.findElement(By.id("assign-submit")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=assigned"));
		assertThat(driver.findElement(By.id("issue-assignee")).getText()).isEqualTo("Ada Admin");
		driver.findElement(By.id("message")).sendKeys("Thanks Jo. Could you reload the page once?");
		driver.findElement(By.id("message-submit")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=message"));
		driver.findElement(By.id("message")).sendKeys("Chart cache bug, ticket CHART-12.");
		driver.findElement(By.id("internal")).click();
		driver.findElement(By.id("message-submit")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=note"));
		assertThat(text(driver, wait, "issue-messages")).contains("Chart cache bug", "Internal note");

		// 3. The mentee replies and never sees the internal note.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(issueUrl);
		assertThat(text(driver, wait, "issue-messages")).contains("Could you reload the page once?")
			.doesNotContain("Chart cache bug");
		assertThat(driver.getPageSource()).doesNotContain("CHART-12");
		driver.findElement(By.id("message")).sendKeys("Reloaded, still empty.");
		driver.findElement(By.id("message-submit")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=message"));

		// 4. The administrator resolves it.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		driver.get(issueUrl);
		assertThat(text(driver, wait, "issue-messages")).contains("Reloaded, still empty.");
		driver.findElement(By.id("action-resolve")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=moved"));
		assertThat(text(driver, wait, "issue-state")).contains("Resolved");

		// 5. The mentee reopens it.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(issueUrl);
		driver.findElement(By.id("action-reopen")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=moved"));
		assertThat(text(driver, wait, "issue-state")).contains("Open");
		assertThat(driver.getPageSource()).doesNotContain("CHART-12");
	}

	/** The text of an element after a navigation, tolerating a page that is still being replaced. */
	private static String text(WebDriver driver, WebDriverWait wait, String id) {
		return wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id(id)).getText());
	}

}
