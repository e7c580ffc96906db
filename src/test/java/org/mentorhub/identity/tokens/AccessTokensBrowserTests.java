package org.mentorhub.identity.tokens;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.Browser;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.mentorhub.browser.UserMenu;
import org.mentorhub.identity.RoleName;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class AccessTokensBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMenteeCreatesATokenSeesItOnceAndRevokesIt(WebDriver driver) {
		Account mentee = TestAccounts.create(this.jdbc, "NBU", "CS", RoleName.MENTEE);
		String base = "http://localhost:" + this.port;
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");

		UserMenu.choose(driver, "nav-tokens");
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/account/tokens"));
		driver.findElement(By.id("token-name")).sendKeys("Calendar sync");
		driver.findElement(By.id("scope-write")).click();
		driver.findElement(By.id("token-days")).clear();
		driver.findElement(By.id("token-days")).sendKeys("90");
		driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();

		String token = driver.findElement(By.id("new-token")).getAttribute("value");
		assertThat(token).startsWith("mh_").hasSize(46);
		assertThat(driver.findElement(By.id("tokens")).getText()).contains("Calendar sync", "read, write", "Active")
			.contains(token.substring(0, 11))
			.doesNotContain(token);

		driver.get(base + "/account/tokens");
		assertThat(Browser.findNow(driver, By.id("new-token"))).isEmpty();
		assertThat(driver.getPageSource()).doesNotContain(token);

		// Revoking asks first.
		driver.findElement(By.cssSelector("#tokens details.confirm-action summary")).click();
		driver.findElement(By.cssSelector("#tokens details.confirm-action button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("tokens")).getText().contains("Revoked"));
		// The confirmation posts the plain form: the page comes back with its message.
		assertThat(driver.findElement(By.id("main")).getText()).contains("The token is revoked");
	}

}
