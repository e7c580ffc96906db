package org.mentorhub.profile.academic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator's academic data import in a real browser: preview with a bad row, commit, live progress. */
@BrowserTest
class AcademicImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorPreviewsTheRowsAppliesTheValidOneAndWatchesTheProgress(WebDriver driver) throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Account coordinator = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.COORDINATOR);
		Account student = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTEE);
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct) VALUES (:u, :r, 2.5, 70)")
			.param("u", student.id())
			.param("r", "BR-" + tag)
			.update();
		Path csv = Files.createTempFile("grades-", ".csv");
		Files.writeString(csv, "roll_number,gpa,attendance,risk_level\n" + "BR-" + tag + ",3.25,88,medium\n"
				+ "BR-" + tag + "-NONE,9.9,120,\n", StandardCharsets.UTF_8);

		SignInPage.open(driver, "http://localhost:" + this.port).signIn(coordinator.email(), "mentorhub-demo");
		driver.findElement(By.id("nav-academic-imports")).click();
		driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
		assertThat(driver.findElement(By.id("import-counts")).getText())
			.isEqualTo("2 rows: 1 to apply, 1 with problems, 0 unchanged.");
		assertThat(driver.findElement(By.id("line-2")).getText()).contains("Update",
				"Changes: GPA, attendance, risk level");
		assertThat(driver.findElement(By.id("line-3")).getText()).contains("Error", "No student with this roll number.");

		driver.findElement(By.id("commit-button")).click();
		wait.until(ExpectedConditions.textToBe(By.id("import-percent"), "100%"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-link")));
		assertThat(driver.findElement(By.id("import-progress-text")).getText())
			.isEqualTo("1 of 1 rows processed, 1 record changed.");
		driver.findElement(By.id("outcome-link")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("line-2"), "Applied"));
		assertThat(this.jdbc.sql("SELECT risk_level FROM student_profiles WHERE user_id = :u")
			.param("u", student.id())
			.query(String.class)
			.single()).isEqualTo("MEDIUM");
	}

}
