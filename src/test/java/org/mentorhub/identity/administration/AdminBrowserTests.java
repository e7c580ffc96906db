package org.mentorhub.identity.administration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's journeys in a real browser: a CSV import with one bad row, and the live people search. */
@BrowserTest
class AdminBrowserTests {

	@LocalServerPort
	int port;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	WebDriverWait waitUpTo(WebDriver driver, int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	@Test
	void csvImportWithOneBadRowPreviewsTheProblemImportsTheValidRowsAndShowsTheNewPeople(WebDriver driver)
			throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Path csv = Files.createTempFile("people-", ".csv");
		Files.writeString(csv, "email,full_name,role,department_code\n"
				+ "iris." + tag + "@example.edu,Iris Import " + tag + ",MENTEE,CS\n"
				+ "oscar." + tag + "@example.edu,Oscar Import " + tag + ",MENTOR,BUS\n"
				+ "no-at-sign-" + tag + ",Broken Row " + tag + ",MENTEE,CS\n", StandardCharsets.UTF_8);

		SignInPage.open(driver, baseUrl()).signIn("admin@northbridge.demo", "mentorhub-demo");
		driver.findElement(By.linkText("People")).click();
		driver.findElement(By.id("import-link")).click();
		driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

		waitUpTo(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
		assertThat(driver.findElement(By.id("import-counts")).getText())
			.isEqualTo("3 rows: 2 to import, 1 with problems, 0 already have an account.");
		assertThat(driver.findElement(By.id("line-4")).getText()).contains("Problem",
				"'no-at-sign-" + tag + "' is not a valid e-mail address.");
		assertThat(driver.findElement(By.id("line-2")).getText()).contains("Ready");

		driver.findElement(By.id("commit-button")).click();
		waitUpTo(driver, 60).until(ExpectedConditions.textToBe(By.id("import-percent"), "100%"));
		assertThat(driver.findElement(By.id("import-progress-text")).getText())
			.isEqualTo("2 of 2 rows processed, 2 people invited.");

		driver.findElement(By.id("people-link")).click();
		WebElement query = waitUpTo(driver, 15).until(ExpectedConditions.elementToBeClickable(By.id("query")));
		query.sendKeys("Import " + tag);
		waitUpTo(driver, 15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "2 people"));
		String results = driver.findElement(By.id("users")).getText();
		assertThat(results).contains("Iris Import " + tag, "Oscar Import " + tag, "Invited", "Computer Science",
				"Business School")
			.doesNotContain("Broken Row");
	}

	@Test
	void thePeopleSearchUpdatesTheResultsInPlaceAndKeepsTheAddress(WebDriver driver) {
		SignInPage.open(driver, baseUrl()).signIn("admin@northbridge.demo", "mentorhub-demo");
		driver.get(baseUrl() + "/admin/users");
		WebElement heading = driver.findElement(By.tagName("h1"));

		driver.findElement(By.id("query")).sendKeys("Maya Singh");

		waitUpTo(driver, 15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1 person"));
		assertThat(driver.findElement(By.id("users")).getText()).contains("Dr. Maya Singh");
		assertThat(heading.isDisplayed()).as("the page was not reloaded").isTrue();
		waitUpTo(driver, 5).until(ExpectedConditions.urlContains("query=Maya"));
	}

}
