package org.mentorhub.session;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestMentorships;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, the session page shows one thing at a time: cancelling is a button that opens
 * its question and reason; the browser will not send it without a reason, and with one the session is
 * cancelled and the reason shown.
 */
@BrowserTest
class SessionConfirmationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void cancellingASessionOpensItsQuestionAndNeedsAReason(WebDriver driver) {
		Account mentor = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTOR);
		Account mentee = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTEE);
		long mentorship = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		long id = SessionFixtures.session(this.jdbc, mentorship, mentor.id(), mentee.id(), mentor.id(), "CONFIRMED",
				Instant.now().plus(Duration.ofDays(4)), "Walk the confirmation");
		String base = "http://localhost:" + this.port;
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(base + "/sessions/" + id);

		assertThat(driver.findElement(By.id("cancel-submit")).isDisplayed()).as("closed until asked").isFalse();
		assertThat(driver.findElement(By.id("reschedule-form")).isDisplayed()).isFalse();
		driver.findElement(By.id("cancel-open")).click();
		assertThat(driver.findElement(By.id("cancel-question")).getText()).startsWith("Cancel this session?");

		driver.findElement(By.id("cancel-submit")).click();
		// The required reason keeps the browser from sending it.
		assertThat(driver.getCurrentUrl()).endsWith("/sessions/" + id);
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Confirmed");

		driver.findElement(By.id("cancel-reason")).sendKeys("I have an exam that day.");
		driver.findElement(By.id("cancel-submit")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(d -> d.findElement(By.id("status")).getText().equals("Cancelled"));
		assertThat(driver.findElement(By.id("response-message")).getText()).isEqualTo("I have an exam that day.");
	}

}
