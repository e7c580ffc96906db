package org.mentorhub.report;

import org.junit.jupiter.api.Test;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.browser.UserMenu;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class HomeDashboardBrowserTests {

	@LocalServerPort
	int port;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	@Test
	void demoAdministratorSignsInAndSeesTheInstitutionDashboard(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("admin@northbridge.demo", "mentorhub-demo");

		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/");
		assertThat(driver.findElement(By.id("dashboard-heading")).getText())
			.isEqualTo("Northbridge University: dashboard");
		assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains("Alex Morgan", "Administrator");
		assertThat(driver.findElement(By.id("departments-card")).getText()).contains("Computer Science",
				"Business School", "Engineering");
		assertThat(driver.findElement(By.id("role-nav")).getText()).contains("Departments", "People", "Attendance",
				"Approval queue");
	}

	@Test
	void mentorSeesTheirMenteesAndNoAdministrationLinks(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("mentor@northbridge.demo", "mentorhub-demo");

		assertThat(driver.findElement(By.id("dashboard-heading")).getText()).contains("Maya Singh");
		assertThat(driver.findElement(By.id("mentorships-card")).getText()).contains("Emma Walker");
		assertThat(driver.findElement(By.id("role-nav")).getText()).contains("My mentees")
			.doesNotContain("Departments");
	}

	@Test
	void newMotherSeesHerLeaveCoveragePlanAndOpensIt(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("mother@acme.demo", "mentorhub-demo");

		// The demo's mother is back from a leave a colleague covered.
		assertThat(driver.findElement(By.id("coverage-card")).getText()).contains("Your leave coverage",
				"Back from leave; coverage completed");
		driver.findElement(By.cssSelector("#coverage-table tbody a")).click();
		assertThat(driver.getCurrentUrl()).matches(java.util.regex.Pattern.quote(baseUrl()) + "/coverage/\\d+");
		driver.get(baseUrl() + "/");
		driver.findElement(By.id("home-coverage")).click();
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/coverage");
	}

	@Test
	void wrongPasswordStaysOnTheSignInPageWithAClearMessage(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("admin@northbridge.demo", "not-the-password");

		assertThat(driver.getCurrentUrl()).endsWith("/login?error");
		assertThat(driver.findElement(By.id("login-error")).getText())
			.isEqualTo("That e-mail or username and password do not match an active account.");
	}

	@Test
	void signingOutReturnsToTheSignInPage(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("mother@acme.demo", "mentorhub-demo");
		assertThat(driver.findElement(By.id("wellbeing")).getText()).contains("First week back");

		UserMenu.signOut(driver);

		assertThat(driver.findElement(By.id("logout-message")).getText()).isEqualTo("You have signed out.");
		driver.get(baseUrl() + "/");
		assertThat(driver.getCurrentUrl()).endsWith("/login");
	}

}
