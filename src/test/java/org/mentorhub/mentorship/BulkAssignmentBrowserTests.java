package org.mentorhub.mentorship;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk-assignment journey in a real browser: an administrator runs the optimiser for a fresh
 * department, waits for the draft, reviews it, pins a pair, re-runs, commits and sees the mentorships.
 */
@BrowserTest
class BulkAssignmentBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebDriverWait waitUpTo(WebDriver driver, int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	@Test
	void runReviewPinRerunCommit(WebDriver driver) {
		MatchingFixtures f = new MatchingFixtures(this.jdbc);
		String inst = f.institution();
		String dept = f.department(inst);
		long deptId = f.departmentId(inst, dept);
		Account a = f.mentor(inst, dept, 1, "Java leadership");
		Account b = f.mentor(inst, dept, 2, "Design");
		f.available(a, 3, 9, 12, "UTC");
		f.available(b, 3, 9, 12, "UTC");
		List<Account> mentees = List.of(f.mentee(inst, dept, RoleName.MENTEE, "Java"),
				f.mentee(inst, dept, RoleName.MENTEE, "Design"), f.mentee(inst, dept, RoleName.MENTEE, "Leadership"),
				f.mentee(inst, dept, RoleName.MENTEE, "Java design"));
		mentees.forEach(m -> f.available(m, 3, 10, 12, "UTC"));
		Account admin = f.account(inst, null, RoleName.ADMIN);

		SignInPage.open(driver, "http://localhost:" + this.port).signIn(admin.email(), "mentorhub-demo");
		driver.get("http://localhost:" + this.port + "/mentorships/bulk");
		new Select(driver.findElement(By.id("departmentId"))).selectByValue(String.valueOf(deptId));
		driver.findElement(By.id("run-button")).click();

		// The progress bar polls until the run is over; then the page shows the result.
		waitUpTo(driver, 60).until(ExpectedConditions.presenceOfElementLocated(By.id("pairs")));
		assertThat(driver.findElement(By.id("assigned-count")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.id("unassigned-count")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("unassigned")).getText()).contains("went to other mentees");
		assertThat(driver.findElement(By.id("pairs")).getText()).contains("overlapping availability");

		// Pin the last mentee with B, re-run: the pin is kept.
		Account pinned = mentees.get(3);
		new Select(driver.findElement(By.id("pin-mentee"))).selectByValue(String.valueOf(pinned.id()));
		new Select(driver.findElement(By.id("pin-mentor"))).selectByValue(String.valueOf(b.id()));
		driver.findElement(By.id("pin-pair-button")).click();
		waitUpTo(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("needs-rerun")));
		assertThat(Browser.findNow(driver, By.id("commit-button"))).isEmpty();
		driver.findElement(By.id("rerun-button")).click();
		waitUpTo(driver, 60).until(ExpectedConditions.presenceOfElementLocated(By.id("commit-button")));
		String row = driver.findElement(By.cssSelector("#pairs tr[data-mentee='" + pinned.id() + "']")).getText();
		assertThat(row).contains("pinned");
		assertThat(driver.findElement(By.cssSelector("#pairs tr[data-mentee='" + pinned.id() + "']")).getAttribute("data-mentor"))
			.isEqualTo(String.valueOf(b.id()));

		driver.findElement(By.id("commit-button")).click();
		waitUpTo(driver, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("managed-link")));
		assertThat(driver.findElement(By.id("bulk-state")).getText()).contains("Committed");
		int active = this.jdbc.sql("SELECT COUNT(*) FROM mentorships WHERE status = 'ACTIVE' AND mentor_id IN (:a, :b)")
			.param("a", a.id()).param("b", b.id()).query(Integer.class).single();
		assertThat(active).isEqualTo(3);
		assertThat(f.count(a)).isEqualTo(1);
		assertThat(f.count(b)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT mentor_id FROM mentorships WHERE mentee_id = :e AND status = 'ACTIVE'")
			.param("e", pinned.id()).query(Long.class).single()).isEqualTo(b.id());
	}

}
