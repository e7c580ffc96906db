package org.mentorhub.session;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.Disclosure;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The whole session journey in a real browser (issue 6): the mentee requests a session, the mentor
 * proposes another time, the mentee accepts it, the calendar invitation arrives in the mail outbox,
 * the meeting takes place, the mentor records attendance and a summary (the session is completed), and both give
 * feedback: each sees the other's only once both have given theirs.
 */
@BrowserTest
class SessionJourneyBrowserTests {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void signInAs(WebDriver driver, String email) {
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, url("")).signIn(email, "mentorhub-demo");
	}

	WebDriverWait waitUpTo(WebDriver driver, int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	/** A datetime-local field's value, set as a person picking it would leave it. */
	static void setLocal(WebDriver driver, String id, LocalDateTime value) {
		WebElement field = driver.findElement(By.id(id));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, value.format(LOCAL));
	}

	/** Clicks and waits for the answer: htmx swaps the session's section in place, or the page reloads. */
	void submit(WebDriver driver, String buttonId) {
		driver.findElement(By.id(buttonId)).click();
		waitUpTo(driver, 10).until(d -> !d.findElements(By.id("saved-message")).isEmpty()
				|| !d.findElements(By.id("problem")).isEmpty());
		assertThat(Browser.findNow(driver, By.id("problem"))).as("no problem shown").isEmpty();
	}

	String status(WebDriver driver) {
		return driver.findElement(By.id("status")).getText();
	}

	@Test
	void requestRescheduleAcceptInviteCompleteRecordAndFeedback(WebDriver driver) {
		Account mentor = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTOR);
		Account mentee = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTEE);
		this.jdbc.sql("UPDATE users SET time_zone = 'UTC' WHERE id IN (:a, :b)")
			.param("a", mentor.id()).param("b", mentee.id()).update();
		this.jdbc.sql("INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, goal, "
				+ "assigned_at) VALUES (:i, :d, :mentor, :mentee, 'ACTIVE', 'Journey', CURRENT_TIMESTAMP)")
			.param("i", mentee.institutionId()).param("d", mentee.departmentId())
			.param("mentor", mentor.id()).param("mentee", mentee.id()).update();
		long mentorship = this.jdbc.sql("SELECT id FROM mentorships WHERE mentee_id = :m").param("m", mentee.id())
			.query(Long.class).single();
		LocalDateTime tomorrow = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withHour(10).withMinute(0)
			.withSecond(0).withNano(0);

		// 1. The mentee requests a session.
		signInAs(driver, mentee.email());
		driver.get(url("/sessions/new?mentorship=" + mentorship));
		driver.findElement(By.id("title")).sendKeys("Career planning");
		setLocal(driver, "start", tomorrow);
		driver.findElement(By.id("zone")).clear();
		driver.findElement(By.id("zone")).sendKeys("UTC");
		driver.findElement(By.id("durationMinutes")).clear();
		driver.findElement(By.id("durationMinutes")).sendKeys("45");
		submit(driver, "send");
		assertThat(status(driver)).isEqualTo("Requested");
		String sessionPath = driver.getCurrentUrl().substring(url("").length());
		assertThat(sessionPath).matches("/sessions/\\d+");
		long session = Long.parseLong(sessionPath.substring("/sessions/".length()));

		// 2. The mentor proposes another time, with a message.
		signInAs(driver, mentor.email());
		driver.get(url(sessionPath));
		Disclosure.openAround(driver, "reschedule-form");
		setLocal(driver, "reschedule-start", tomorrow.plusDays(1).withHour(11));
		driver.findElement(By.id("reschedule-message")).sendKeys("Could we meet on the next day instead?");
		submit(driver, "reschedule-button");
		assertThat(status(driver)).isEqualTo("New time proposed");

		// 3. The mentee accepts the new time: the session is confirmed at it.
		signInAs(driver, mentee.email());
		driver.get(url(sessionPath));
		assertThat(driver.findElement(By.id("response-message")).getText())
			.isEqualTo("Could we meet on the next day instead?");
		submit(driver, "accept-time-button");
		assertThat(status(driver)).isEqualTo("Confirmed");
		assertThat(driver.findElement(By.id("when")).getText()).contains("11:00");
		assertThat(driver.findElement(By.id("invite-download")).getAttribute("href")).endsWith(sessionPath + "/invite.ics");

		// 4. The calendar invitation arrives in the mail outbox (it is sent after commit, in the background).
		String uid = this.jdbc.sql("SELECT ical_uid FROM mentoring_sessions WHERE id = :id").param("id", session)
			.query(String.class).single();
		signInAs(driver, "platform@mentorhub.demo");
		waitUpTo(driver, 30).until(d -> {
			d.get(url("/platform/outbox"));
			return !d.findElements(By.xpath("//table[@id='outbox']//tr[td[text()='" + mentee.email() + "']]//a")).isEmpty();
		});
		driver.findElement(By.xpath("//table[@id='outbox']//tr[td[text()='" + mentee.email() + "']]//a")).click();
		String invitation = driver.findElement(By.id("mail-attachments")).getText();
		assertThat(invitation).contains("invite.ics", "text/calendar", "METHOD:REQUEST", "UID:" + uid,
				"SUMMARY:Career planning");

		// 5. The meeting takes place: its time is moved into the past (the application's clock cannot be moved
		// here, as sign-in sessions live on real time), and the mentor records the outcome.
		this.jdbc.sql("UPDATE mentoring_sessions SET scheduled_at = :past WHERE id = :id")
			.param("past", LocalDateTime.now(ZoneOffset.UTC).minusHours(2))
			.param("id", session)
			.update();
		signInAs(driver, mentor.email());
		driver.get(url(sessionPath));
		new Select(driver.findElement(By.id("record-attendance"))).selectByValue("PRESENT");
		driver.findElement(By.id("record-topic")).sendKeys("Next steps after graduation");
		driver.findElement(By.id("record-summary")).sendKeys("Agreed to draft a CV and two applications.");
		submit(driver, "complete-button");
		assertThat(status(driver)).isEqualTo("Completed");
		assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("Agreed to draft a CV and two applications.");
		assertThat(driver.findElement(By.id("attendance")).getText()).isNotBlank();

		// 6. The mentor gives feedback first and sees only that the mentee's is awaited.
		giveFeedback(driver, sessionPath, "4", "Great questions, well prepared.");
		assertThat(driver.findElement(By.id("session-feedback")).getText()).doesNotContain("Very helpful");
		assertThat(Browser.findNow(driver, By.id("feedback-theirs"))).isEmpty();

		// The mentee does not see the mentor's feedback before giving theirs; after, each sees the other's.
		signInAs(driver, mentee.email());
		driver.get(url(sessionPath + "/feedback"));
		assertThat(driver.findElement(By.id("session-feedback")).getText()).doesNotContain("Great questions");
		giveFeedback(driver, sessionPath, "5", "Very helpful, thank you.");
		assertThat(driver.findElement(By.id("feedback-theirs")).getText()).contains("Great questions, well prepared.");

		signInAs(driver, mentor.email());
		driver.get(url(sessionPath + "/feedback"));
		assertThat(driver.findElement(By.id("feedback-theirs")).getText()).contains("Very helpful, thank you.");
	}

	void giveFeedback(WebDriver driver, String sessionPath, String rating, String comments) {
		driver.get(url(sessionPath + "/feedback"));
		new Select(driver.findElement(By.id("feedback-rating"))).selectByValue(rating);
		new Select(driver.findElement(By.id("feedback-visibility"))).selectByValue("SHARED");
		driver.findElement(By.id("feedback-comments")).sendKeys(comments);
		driver.findElement(By.cssSelector("#feedback-form button[type=submit]")).click();
		waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-mine")));
	}

}
