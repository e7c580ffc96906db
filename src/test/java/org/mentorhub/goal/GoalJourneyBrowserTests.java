package org.mentorhub.goal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
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
 * The goal journey of issue 15 in a real browser (without the attachment, which is part 3): a mentor
 * creates a goal for their mentee, the mentee posts two updates in place (htmx), the mentor sees them
 * in the history and the Chart.js chart, and a stranger mentor finds nothing.
 */
@BrowserTest
class GoalJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMentorSetsAGoalTheMenteeProgressesAndAStrangerSeesNothing(WebDriver driver) {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Jo Mentee").create(this.jdbc);
		Account stranger = college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

		// 1. The mentor creates a goal for the mentee.
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		driver.get(base + "/goals/new");
		new Select(driver.findElement(By.id("studentId"))).selectByVisibleText("Jo Mentee");
		driver.findElement(By.id("title")).sendKeys("Give a lightning talk");
		new Select(driver.findElement(By.id("category"))).selectByVisibleText("Skill");
		driver.findElement(By.cssSelector("#goal-form button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=created"));
		String goalUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");

		// 2. The mentee posts two updates; htmx replaces the progress section each time.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(goalUrl);
		post(driver, wait, "30", "Outline written");
		post(driver, wait, "60", "Rehearsed twice");
		assertThat(driver.findElement(By.id("goal-history")).getText()).contains("Outline written", "Rehearsed twice");

		// 3. The mentor sees the history and the chart with every update.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		driver.get(goalUrl);
		assertThat(driver.findElement(By.id("goal-history")).getText()).contains("Rehearsed twice");
		Object points = wait.until(d -> ((JavascriptExecutor) d).executeScript("""
				var chart = window.Chart && window.Chart.getChart(document.getElementById('goal-chart'));
				return chart ? chart.data.datasets[0].data.join(',') : null;"""));
		assertThat(points).isEqualTo("0,30,60");

		// 4. A stranger mentor gets "not found".
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(stranger.email(), "mentorhub-demo");
		driver.get(goalUrl);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("There is nothing here");
		assertThat(driver.getPageSource()).doesNotContain("Give a lightning talk");
	}

	private static void post(WebDriver driver, WebDriverWait wait, String progress, String note) {
		var field = driver.findElement(By.id("update-progress"));
		field.clear();
		field.sendKeys(progress);
		driver.findElement(By.id("update-note")).sendKeys(note);
		driver.findElement(By.cssSelector("#goal-update-form button[type=submit]")).click();
		wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("goal-history")).getText().contains(note));
	}

}
