package org.mentorhub.learning;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning journey of issue 15 in a real browser: an administrator creates a path, adds three
 * modules and publishes it; a mentee finds it in the catalogue, enrols and completes every module in
 * place (htmx), and the path shows 100% and the completion date.
 */
@BrowserTest
class LearningJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorPublishesAPathThatAMenteeCompletes(WebDriver driver) {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").create(this.jdbc);
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

		// 1. The administrator creates the path, adds three modules and publishes it.
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		driver.get(base + "/learning/paths/new");
		driver.findElement(By.id("title")).sendKeys("Mentoring basics");
		driver.findElement(By.id("category")).sendKeys("Mentoring");
		driver.findElement(By.id("description")).sendKeys("Three short steps.");
		driver.findElement(By.id("create-path")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=created"));
		String editUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
		addModule(driver, wait, "Read the guide", "READING", "Read the mentoring guide.", null);
		addModule(driver, wait, "Watch the talk", "VIDEO", null, "https://example.org/talk");
		addModule(driver, wait, "Plan a session", "EXERCISE", "Write an agenda for your first session.", null);
		driver.findElement(By.id("publish")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=published"));
		assertThat(driver.findElement(By.id("modules-editor")).getText())
			.contains("1. Read the guide", "2. Watch the talk", "3. Plan a session");
		String pathUrl = editUrl.replaceAll("/edit$", "");

		// 2. The mentee finds it in the catalogue, enrols and completes every module in place.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(base + "/learning?q=mentoring");
		driver.findElement(By.linkText("Open")).click();
		wait.until(d -> d.getCurrentUrl().startsWith(pathUrl));
		driver.findElement(By.id("enrol")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=enrolled"));
		for (int done = 1; done <= 3; done++) {
			driver.findElement(By.cssSelector("form[id^='complete-'] button")).click();
			String expected = done + " of 3 modules done";
			wait.ignoring(StaleElementReferenceException.class)
				.ignoring(NoSuchElementException.class)
				.until(d -> d.findElement(By.id("path-done")).getText().equals(expected));
		}
		assertThat(driver.findElement(By.id("path-pct")).getText()).isEqualTo("100%");
		assertThat(driver.findElement(By.id("path-completed")).getText()).startsWith("Completed on ");

		// 3. The path stays complete after a reload, and my learning shows it.
		driver.get(base + "/learning/mine");
		assertThat(driver.findElement(By.id("my-progress")).getText()).contains("Mentoring basics", "100%", "3 of 3");
	}

	private static void addModule(WebDriver driver, WebDriverWait wait, String title, String kind, String content,
			String url) {
		driver.findElement(By.id("new-title")).sendKeys(title);
		new Select(driver.findElement(By.id("new-kind"))).selectByValue(kind);
		if (content != null) {
			driver.findElement(By.id("new-content")).sendKeys(content);
		}
		if (url != null) {
			driver.findElement(By.id("new-url")).sendKeys(url);
		}
		var minutes = driver.findElement(By.id("new-estimatedMinutes"));
		minutes.clear();
		minutes.sendKeys("20");
		driver.findElement(By.id("add-module")).click();
		// The previous module's page has the same "saved=module" address, and it may still be the one shown
		// while the new one loads (its elements then go stale): wait for this module's title.
		wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> d.getCurrentUrl().contains("saved=module")
				&& d.findElement(By.id("modules-editor")).getText().contains(title));
	}

}
