package org.mentorhub.mentorship;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.Disclosure;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mentorship life cycle in a real browser, in an institution that wants an administrator's
 * approval: the mentee requests a mentor, the mentor accepts, the administrator approves, the mentor
 * pauses, resumes and ends it with a reason, and the mentee sees each step.
 */
@BrowserTest
class MentorshipBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void signInAs(WebDriver driver, Account account) {
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, url("")).signIn(account.email(), "mentorhub-demo");
	}

	void act(WebDriver driver, String form, String reasonField, String reason) {
		Disclosure.openAround(driver, form);
		if (reasonField != null) {
			driver.findElement(By.id(reasonField)).sendKeys(reason);
		}
		// The page before the post still shows the previous action's "saved" message: wait until it is gone,
		// or the status would be read from the old page while the new one loads (a stale element).
		WebElement before = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.stalenessOf(before));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-message")));
	}

	String status(WebDriver driver) {
		return driver.findElement(By.id("status")).getText();
	}

	@Test
	void requestAcceptApprovePauseResumeEnd(WebDriver driver) {
		MatchingFixtures f = new MatchingFixtures(this.jdbc);
		String inst = f.institution();
		this.jdbc.sql("UPDATE institutions SET mentorship_approval_required = TRUE WHERE code = :c").param("c", inst).update();
		String dept = f.department(inst);
		Account mentor = f.mentor(inst, dept, 2, "Compilers");
		Account mentee = f.mentee(inst, dept, RoleName.MENTEE, "Learn compilers");
		Account admin = f.account(inst, null, RoleName.ADMIN);

		// The mentee ranks the mentor first, with a goal.
		signInAs(driver, mentee);
		driver.get(url("/mentorships/request"));
		new Select(driver.findElement(By.id("mentor-0"))).selectByValue(String.valueOf(mentor.id()));
		driver.findElement(By.id("goal-0")).sendKeys("Write my first parser");
		driver.findElement(By.cssSelector("#request-form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-message")));
		assertThat(status(driver)).isEqualTo("Requested");
		long id = this.jdbc.sql("SELECT id FROM mentorships WHERE mentee_id = :m").param("m", mentee.id())
			.query(Long.class).single();

		// The mentor answers from their list.
		signInAs(driver, mentor);
		driver.get(url("/mentorships"));
		driver.findElement(By.cssSelector("#as-mentor a[href='/mentorships/" + id + "']")).click();
		assertThat(driver.findElement(By.id("goal")).getText()).isEqualTo("Write my first parser");
		act(driver, "accept-form", null, null);
		assertThat(status(driver)).isEqualTo("Accepted, waiting for approval");

		// The administrator approves: the mentorship is active and takes one of the mentor's places.
		signInAs(driver, admin);
		driver.get(url("/mentorships/" + id));
		act(driver, "approve-form", "approve-reason", "Good fit");
		assertThat(status(driver)).isEqualTo("Active");
		assertThat(f.count(mentor)).isEqualTo(1);

		// The mentor pauses (the place is kept), resumes and ends it with a reason.
		signInAs(driver, mentor);
		driver.get(url("/mentorships/" + id));
		act(driver, "pause-form", "pause-reason", "Exam season");
		assertThat(status(driver)).isEqualTo("Paused");
		act(driver, "resume-form", null, null);
		assertThat(status(driver)).isEqualTo("Active");
		act(driver, "end-form", "end-reason", "Goal reached");
		assertThat(status(driver)).isEqualTo("Ended");
		assertThat(f.count(mentor)).isZero();

		// The mentee sees the end and its reason.
		signInAs(driver, mentee);
		driver.get(url("/mentorships/" + id));
		assertThat(status(driver)).isEqualTo("Ended");
		assertThat(driver.findElement(By.id("mentorship")).getText()).contains("Goal reached");
		assertThat(this.jdbc.sql("SELECT end_reason FROM mentorships WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("Goal reached");
	}

}
