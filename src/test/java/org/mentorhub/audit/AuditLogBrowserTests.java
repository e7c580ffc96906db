package org.mentorhub.audit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
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

@BrowserTest
class AuditLogBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void administratorFiltersTheAuditLogAndPagesThroughIt(WebDriver driver) {
		Account admin = TestAccounts.create(this.jdbc, "NBU", null, RoleName.ADMIN);
		String base = "http://localhost:" + this.port;
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");

		driver.findElement(By.linkText("Audit log")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/admin/audit"));
		assertThat(driver.findElements(By.cssSelector("#audit-rows tbody tr"))).hasSize(25);

		new Select(driver.findElement(By.id("filter-action"))).selectByVisibleText("Sign in failed");
		driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		wait.ignoring(StaleElementReferenceException.class);
		wait.until(ExpectedConditions.urlContains("action=SIGN_IN_FAILED"));
		wait.until(d -> actions(d).stream().allMatch("Sign in failed"::equals));
		assertThat(actions(driver)).hasSize(25);
		assertThat(driver.findElement(By.id("audit-export")).getAttribute("href")).contains("export.csv?", "action=SIGN_IN_FAILED");

		// Bootstrap scrolls smoothly, so a native click far down the page can land mid-scroll.
		((JavascriptExecutor) driver).executeScript("arguments[0].click();", driver.findElement(By.id("audit-next")));
		wait.until(ExpectedConditions.urlContains("page=2"));
		wait.until(d -> d.findElement(By.cssSelector("#audit-rows caption")).getText().startsWith("Page 2"));
		assertThat(actions(driver)).isNotEmpty().allMatch("Sign in failed"::equals);
	}

	static List<String> actions(WebDriver driver) {
		return driver.findElements(By.cssSelector("#audit-rows tbody tr td:nth-child(3)"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
