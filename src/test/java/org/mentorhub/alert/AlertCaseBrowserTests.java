package org.mentorhub.alert;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case end to end in a real browser, closing the loop: the coordinator raises an alert about a
 * student from the queue, the student's mentor owns it, acknowledges it and resolves it with a note, and
 * the coordinator finds the outcome in their notifications. A rule's case is walked by
 * {@link AlertRuleBrowserTests}.
 */
@BrowserTest
class AlertCaseBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCoordinatorRaisesTheMentorResolvesAndTheCoordinatorHearsTheOutcome(WebDriver driver) {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		Account student = college.aStudent().inDepartment("CS").named("Jo Student").create(this.jdbc);
		TestMentorships.plant(this.jdbc, mentor, student, "ACTIVE");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

		// 1. The coordinator raises the alert from the queue.
		SignInPage.open(driver, base).signIn(coordinator.email(), "mentorhub-demo");
		driver.get(base + "/alerts");
		driver.findElement(By.id("raise-alert")).click();
		new Select(driver.findElement(By.id("studentId"))).selectByVisibleText("Jo Student");
		new Select(driver.findElement(By.id("severity"))).selectByVisibleText("Warning");
		new Select(driver.findElement(By.id("category"))).selectByVisibleText("Attendance");
		driver.findElement(By.id("message")).sendKeys("Missed three seminars in a row.");
		driver.findElement(By.id("raise-submit")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=raised"));
		String alertUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
		assertThat(driver.findElement(By.id("alert-owner")).getText()).isEqualTo("Omar Mentor");

		// 2. The mentor finds it among their cases, acknowledges it and resolves it with a note.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		driver.get(base + "/alerts/mine");
		driver.findElement(By.linkText("Jo Student")).click();
		wait.until(d -> d.getCurrentUrl().startsWith(alertUrl));
		driver.findElement(By.id("action-acknowledge")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=moved"));
		driver.findElement(By.id("note")).sendKeys("Met Jo: a timetable clash. Moved to the Tuesday group.");
		driver.findElement(By.id("action-resolve")).click();
		wait.until(d -> d.findElements(By.id("alert-outcome")).size() == 1);
		assertThat(driver.findElement(By.id("alert-state")).getText()).contains("Resolved");
		assertThat(driver.findElement(By.id("alert-history")).getText()).contains("Acknowledged", "Moved to the Tuesday group.");

		// 3. The coordinator who raised it is told the outcome.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(coordinator.email(), "mentorhub-demo");
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			d.get(base + "/notifications");
			return d.getPageSource().contains("Alert about Jo Student resolved");
		});
		assertThat(driver.getPageSource()).contains("Outcome: Met Jo: a timetable clash. Moved to the Tuesday group.");
	}

}
