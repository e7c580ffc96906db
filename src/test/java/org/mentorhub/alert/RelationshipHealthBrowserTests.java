package org.mentorhub.alert;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relationship health end to end in a real browser: a pair without a session for 40 days is stalled and
 * nudged; the mentee reads the nudge, sees the health and its reason on the mentorship page and goes to
 * the booking page in one click; the coordinator sees the pair as stalled in the mentorship list and is
 * offered the re-match from the mentorship page.
 */
@BrowserTest
class RelationshipHealthBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RelationshipHealthJob job;

	@Test
	void theStalledPairIsNudgedToScheduleAndTheCoordinatorSeesItInTheList(WebDriver driver) {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Jo Mentee").create(this.jdbc);
		long mentorship = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		this.jdbc.sql("UPDATE mentorships SET assigned_at = :at WHERE id = :id")
			.param("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(40)).param("id", mentorship).update();
		this.job.runOnce();
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

		// 1. The mentee is nudged, sees why on the mentorship page and books in one click.
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		wait.until(d -> {
			d.get(base + "/notifications");
			return d.getPageSource().contains("Time for a session with Omar Mentor");
		});
		driver.get(base + "/mentorships/" + mentorship);
		assertThat(driver.findElement(By.id("health")).getText()).contains("Stalled",
				"No session completed since the mentorship began 40 days ago");
		driver.findElement(By.id("health-schedule")).click();
		wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.getCurrentUrl().contains("/sessions/new?mentorship=" + mentorship));

		// 2. The coordinator sees the stalled pair in the list and is offered the re-match.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(coordinator.email(), "mentorhub-demo");
		driver.get(base + "/mentorships/manage?status=ACTIVE");
		String row = driver.findElement(By.id("mentorships")).getText();
		assertThat(row).contains("Jo Mentee", "Stalled");
		driver.get(base + "/mentorships/" + mentorship);
		assertThat(driver.findElement(By.id("health-rematch")).getText()).isEqualTo("Re-match or end");
	}

}
