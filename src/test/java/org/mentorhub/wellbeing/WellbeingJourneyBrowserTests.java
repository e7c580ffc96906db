package org.mentorhub.wellbeing;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The wellbeing journey of issue 19 in a real browser: a new mother adds a milestone shared with her
 * mentor and a private one from her home page; the mentor sees the shared one and not the other; the
 * mother joins a support group and posts; the group's moderator removes the post and a tombstone stays.
 */
@BrowserTest
class WellbeingJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMotherSharesAMilestoneWithHerMentorAndAModeratorRemovesHerGroupPost(WebDriver driver) {
		TestInstitution company = TestInstitutions.aCompany().withDepartment("ENGR").build(this.jdbc);
		Account mother = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").named("Mia Mother").create(this.jdbc);
		Account mentor = company.aMentor().inDepartment("ENGR").create(this.jdbc);
		Account moderator = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		TestMentorships.plant(this.jdbc, mentor, mother, "ACTIVE");
		long group = WellbeingFixtures.group(this.jdbc, company.id(), "Returners", false);
		WellbeingFixtures.member(this.jdbc, group, moderator.id(), "MODERATOR");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

		// 1. From her home page, the mother adds a shared milestone and a private one.
		SignInPage.open(driver, base).signIn(mother.email(), "mentorhub-demo");
		driver.get(base + "/");
		driver.findElement(By.id("home-milestones")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/milestones"));
		addMilestone(driver, wait, "BIRTH", "Baby is due", LocalDate.now().plusDays(20), true);
		addMilestone(driver, wait, "HEALTH", "Doctor visit", LocalDate.now().plusDays(5), false);
		assertThat(driver.findElement(By.id("whats-next")).getText()).contains("Doctor visit", "5 days");

		// 2. Her mentor sees the shared milestone only.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		driver.get(base + "/milestones");
		String shared = driver.findElement(By.id("shared-milestones")).getText();
		assertThat(shared).contains("Baby is due", "Mia Mother");
		assertThat(driver.getPageSource()).doesNotContain("Doctor visit");

		// 3. The mother joins the group and posts.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mother.email(), "mentorhub-demo");
		driver.get(base + "/groups");
		driver.findElement(By.id("group-" + group)).click();
		wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("group-join")).isDisplayed());
		driver.findElement(By.id("group-join")).click();
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("post-form")).isDisplayed());
		driver.findElement(By.id("body")).sendKeys("Anyone else back this week?");
		driver.findElement(By.id("post-submit")).click();
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("posts")).getText().contains("Anyone else back this week?"));

		// 4. The moderator removes the post; a tombstone stays.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(moderator.email(), "mentorhub-demo");
		driver.get(base + "/groups/" + group);
		driver.findElement(By.cssSelector("#posts details[id^=remove-] summary")).click();
		driver.findElement(By.cssSelector("#posts details[id^=remove-] button[type=submit]")).click();
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("group-done")).isDisplayed());
		String posts = driver.findElement(By.id("posts")).getText();
		assertThat(posts).contains("removed by a moderator").doesNotContain("Anyone else back this week?");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM group_posts WHERE group_id = :g AND removed_at IS NOT NULL")
			.param("g", group).query(Long.class).single()).isOne();
	}

	private static void addMilestone(WebDriver driver, WebDriverWait wait, String type, String title, LocalDate date,
			boolean shared) {
		driver.findElement(By.id("milestone-actions")).click();
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("milestone-form")).isDisplayed());
		new Select(driver.findElement(By.id("type"))).selectByValue(type);
		driver.findElement(By.id("title")).sendKeys(title);
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("date")),
				date.toString());
		if (shared) {
			driver.findElement(By.id("sharedWithMentor")).click();
		}
		driver.findElement(By.id("milestone-submit")).click();
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("milestone-saved")).isDisplayed());
	}

}
