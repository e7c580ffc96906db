package org.mentorhub.alert;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule's case end to end in a real browser, closing the loop: the administrator tries the GPA rule
 * with a dry run and switches it on; the coordinator's academic import drops a student's GPA below the
 * threshold and the rule raises one alert by itself, owned by the student's mentor; the mentor
 * acknowledges it and resolves it with a note; the administrator who switched the rule on finds the
 * outcome in their notifications.
 */
@BrowserTest
class AlertRuleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportTripsTheRuleTheMentorResolvesAndTheEnablerHearsTheOutcome(WebDriver driver) throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		Account student = college.aStudent().inDepartment("CS").named("Jo Student").create(this.jdbc);
		TestMentorships.plant(this.jdbc, mentor, student, "ACTIVE");
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct) VALUES (:u, :r, 3.1, 90)")
			.param("u", student.id())
			.param("r", "RULE-" + tag)
			.update();
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

		// 0. The administrator tries the GPA rule (nobody is below 2.5 yet) and switches it on.
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		driver.get(base + "/alerts/rules");
		driver.findElement(By.id("threshold-GPA_BELOW")).clear();
		driver.findElement(By.id("threshold-GPA_BELOW")).sendKeys("2.5");
		driver.findElement(By.id("dry-run-GPA_BELOW")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-result-GPA_BELOW")));
		assertThat(driver.findElement(By.id("dry-run-result-GPA_BELOW")).getText())
			.contains("It would flag 0 of 1 students now.");
		driver.findElement(By.id("enabled-GPA_BELOW")).click();
		driver.findElement(By.id("save-GPA_BELOW")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=GPA_BELOW"));
		assertThat(driver.findElement(By.id("rule-GPA_BELOW-state")).getText()).isEqualTo("On");

		// 1. The coordinator's academic import drops the GPA to 2.1.
		Path csv = Files.createTempFile("grades-", ".csv");
		Files.writeString(csv, "roll_number,gpa,attendance,risk_level\nRULE-" + tag + ",2.1,90,low\n",
				StandardCharsets.UTF_8);
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(coordinator.email(), "mentorhub-demo");
		driver.get(base + "/admin/academic-imports");
		driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("commit-button")));
		driver.findElement(By.id("commit-button")).click();
		wait.until(ExpectedConditions.textToBe(By.id("import-percent"), "100%"));

		// 2. The mentor finds the rule's alert among their cases, acknowledges it and resolves it with a note.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		wait.until(d -> {
			try {
				d.get(base + "/alerts/mine");
				return !d.findElements(By.linkText("Jo Student")).isEmpty();
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
		});
		driver.findElement(By.linkText("Jo Student")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-owner")));
		assertThat(driver.findElement(By.id("alert-owner")).getText()).isEqualTo("Omar Mentor");
		assertThat(driver.findElement(By.id("main")).getText()).contains("GPA is 2.1, below the rule's threshold of 2.5.");
		driver.findElement(By.id("action-acknowledge")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=moved"));
		driver.findElement(By.id("note")).sendKeys("Tutoring twice a week; GPA check in a month.");
		driver.findElement(By.id("action-resolve")).click();
		wait.until(d -> d.findElements(By.id("alert-outcome")).size() == 1);
		assertThat(driver.findElement(By.id("alert-state")).getText()).contains("Resolved");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE student_id = :s").param("s", student.id())
			.query(Long.class).single()).isOne();

		// 3. The administrator who switched the rule on is told the outcome.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		wait.until(d -> {
			d.get(base + "/notifications");
			return d.getPageSource().contains("Alert about Jo Student resolved");
		});
		assertThat(driver.getPageSource()).contains("Outcome: Tutoring twice a week; GPA check in a month.");
	}

}
