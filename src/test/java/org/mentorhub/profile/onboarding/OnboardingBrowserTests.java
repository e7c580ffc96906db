package org.mentorhub.profile.onboarding;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
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
 * Each role's onboarding wizard in a real browser, to the end: a fresh account signs in, sees the
 * home page's banner, starts, leaves in the middle, comes back to the banner and resumes on the
 * step it had reached, and finishes.
 */
@BrowserTest
class OnboardingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	Account signIn(WebDriver driver, RoleName role) {
		Account account = TestAccounts.create(this.jdbc, "NBU", "CS", role);
		return account;
	}

	void signInAs(WebDriver driver, Account account) {
		SignInPage.open(driver, baseUrl()).signIn(account.email(), "mentorhub-demo");
	}

	void click(WebDriver driver, String id) {
		String before = driver.getCurrentUrl();
		WebElement element = driver.findElement(By.id(id));
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				element);
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
	}

	void tick(WebDriver driver, String id) {
		WebElement element = driver.findElement(By.id(id));
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	void type(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	String heading(WebDriver driver) {
		return driver.findElement(By.id("step-heading")).getText();
	}

	/** Leaves the wizard for the home page and comes back through the banner. */
	void leaveAndResume(WebDriver driver, String expectedBanner) {
		click(driver, "later");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/");
		assertThat(driver.findElement(By.id("onboarding-banner")).getText()).contains(expectedBanner);
		click(driver, "onboarding-continue");
	}

	void assertFinished(WebDriver driver, Account account) {
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding");
		assertThat(driver.findElement(By.id("done-heading")).getText()).isEqualTo("Your profile is set up");
		assertThat(this.jdbc.sql("SELECT onboarding_status FROM user_profiles WHERE user_id = :u")
			.param("u", account.id())
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
		driver.get(baseUrl() + "/");
		assertThat(Browser.findNow(driver, By.id("onboarding-banner"))).isEmpty();
	}

	@Test
	void aMenteeStartsLeavesResumesOnGoalsAndFinishes(WebDriver driver) {
		Account mentee = signIn(driver, RoleName.MENTEE);
		signInAs(driver, mentee);
		assertThat(driver.findElement(By.id("onboarding-banner")).getText())
			.contains("Finish setting up your profile (step 1 of 2).");
		click(driver, "onboarding-continue");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding/1");
		assertThat(heading(driver)).isEqualTo("About you");

		type(driver, "title", "Ms");
		type(driver, "phone", "+44 20 7946 0101");
		new Select(driver.findElement(By.id("preferredCommunication"))).selectByValue("VIDEO");
		click(driver, "save-continue");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding/2");
		assertThat(heading(driver)).isEqualTo("Goals and interests");

		leaveAndResume(driver, "step 2 of 2");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding/2");
		driver.findElement(By.id("back")).click();
		assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Ms");
		driver.get(baseUrl() + "/onboarding/2");

		type(driver, "goalsText", "Move into data engineering");
		type(driver, "interests", "Data, Python");
		click(driver, "finish");
		assertFinished(driver, mentee);
	}

	@Test
	void aMentorSetsCapacityLeavesAndResumesOnAvailabilityAndFinishes(WebDriver driver) {
		Account mentor = signIn(driver, RoleName.MENTOR);
		signInAs(driver, mentor);
		assertThat(driver.findElement(By.id("onboarding-banner")).getText()).contains("step 1 of 3");
		click(driver, "onboarding-continue");
		click(driver, "skip");
		assertThat(heading(driver)).isEqualTo("Your mentoring");

		type(driver, "maxMentees", "101");
		tick(driver, "save-continue");
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.id("form-errors")).getText()).contains("Enter a capacity between 0 and 100.");
		type(driver, "maxMentees", "5");
		tick(driver, "supportsNewMothers");
		type(driver, "specialization", "Cloud architecture");
		click(driver, "save-continue");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding/3");

		leaveAndResume(driver, "step 3 of 3");
		assertThat(heading(driver)).isEqualTo("When you are available");
		type(driver, "zone", "Europe/London");
		tick(driver, "cell-1-09:00");
		tick(driver, "cell-1-09:30");
		assertThat(driver.findElement(By.id("cell-1-09:00")).isSelected()).isTrue();
		click(driver, "finish");
		assertFinished(driver, mentor);

		assertThat(this.jdbc.sql("SELECT max_mentees FROM mentor_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT start_time, end_time FROM availability_slots WHERE user_id = :u")
			.param("u", mentor.id())
			.query((rs, n) -> rs.getTime(1).toLocalTime() + "-" + rs.getTime(2).toLocalTime())
			.list()).containsExactly("09:00-10:00");
	}

	@Test
	void aStudentSeesTheirAcademicRecordAfterResumingAndFinishes(WebDriver driver) {
		Account student = signIn(driver, RoleName.MENTEE);
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, program, year_of_study, gpa, attendance_pct, "
				+ "risk_level) VALUES (:u, :r, 'BEng Software', 3, 3.10, 88.00, 'LOW')")
			.param("u", student.id())
			.param("r", "OBB" + UUID.randomUUID().toString().substring(0, 10))
			.update();
		signInAs(driver, student);
		assertThat(driver.findElement(By.id("onboarding-banner")).getText()).contains("step 1 of 3");
		click(driver, "onboarding-continue");
		type(driver, "bio", "Third-year student");
		click(driver, "save-continue");
		type(driver, "goalsText", "Find an internship");
		click(driver, "save-continue");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding/3");

		leaveAndResume(driver, "step 3 of 3");
		assertThat(heading(driver)).isEqualTo("Your academic record");
		assertThat(driver.findElement(By.id("academic-program")).getText()).isEqualTo("BEng Software");
		assertThat(driver.findElement(By.id("academic-gpa")).getText()).startsWith("3.10");
		assertThat(driver.findElement(By.id("academic-risk")).getText()).isEqualTo("Low");
		click(driver, "finish");
		assertFinished(driver, student);
	}

	@Test
	void aNewMotherChoosesHerSupportAfterResumingAndFinishes(WebDriver driver) {
		Account mother = signIn(driver, RoleName.NEW_MOTHER);
		signInAs(driver, mother);
		assertThat(driver.findElement(By.id("onboarding-banner")).getText()).contains("step 1 of 3");
		click(driver, "onboarding-continue");
		click(driver, "skip");
		type(driver, "goalsText", "Return to my team with confidence");
		click(driver, "save-continue");
		assertThat(heading(driver)).isEqualTo("Support you would like");

		leaveAndResume(driver, "step 3 of 3");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/onboarding/3");
		tick(driver, "topic-RETURN_TO_WORK");
		tick(driver, "topic-FLEXIBLE_WORK");
		tick(driver, "wantsMotherMentor");
		type(driver, "supportNotes", "Back in two months");
		click(driver, "finish");
		assertFinished(driver, mother);

		assertThat(this.jdbc.sql("SELECT topic FROM support_preference_topics WHERE user_id = :u ORDER BY topic")
			.param("u", mother.id())
			.query(String.class)
			.list()).containsExactly("FLEXIBLE_WORK", "RETURN_TO_WORK");
		driver.get(baseUrl() + "/onboarding/3");
		assertThat(driver.findElement(By.id("topic-RETURN_TO_WORK")).isSelected()).isTrue();
		assertThat(driver.findElement(By.id("wantsMotherMentor")).isSelected()).isTrue();
	}

	@Test
	void anAdministratorFindsAnUnfinishedPersonAndRemindsThem(WebDriver driver) {
		Account admin = signIn(driver, RoleName.ADMIN);
		Account person = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTEE);
		signInAs(driver, admin);
		driver.findElement(By.id("nav-onboarding")).click();
		type(driver, "q", person.email());
		click(driver, "filter");
		WebElement row = driver.findElement(By.id("person-" + person.id()));
		assertThat(row.getText()).contains("Not started", "1 of 2");
		row.findElement(By.cssSelector("button.remind")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("reminded-message")));
		assertThat(driver.getCurrentUrl()).contains("/admin/onboarding?q=");
		assertThat(driver.findElement(By.id("person-" + person.id())).findElement(By.cssSelector("button.remind")).isEnabled())
			.isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :e")
			.param("e", person.email())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
