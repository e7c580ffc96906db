package org.mentorhub.privacy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download of one's data in the browser (issue 22 part 2): on /account/privacy a person asks for it, the
 * page shows the single-use link at once and polls the progress with htmx until the data is ready, and the link
 * then gives the ZIP, once.
 */
@BrowserTest
class DataExportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** Fetches the link with the browser's session: the status, the content type and the ZIP's first bytes. */
	static List<?> fetch(WebDriver driver, String href) {
		return (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type') || '',
				      String.fromCharCode(...new Uint8Array(b).slice(0, 2)), b.byteLength])))
				  .catch(e => done([0, String(e), '', 0]));""", href);
	}

	@Test
	void aPersonAsksForTheirDataWatchesItBeGatheredAndDownloadsItOnce(WebDriver driver) {
		Account student = TestInstitutions.aUniversity().build(this.jdbc).aStudent().create(this.jdbc);
		String base = "http://localhost:" + this.port;
		SignInPage.open(driver, base).signIn(student.email(), "mentorhub-demo");

		driver.get(base + "/account/privacy");
		assertThat(driver.findElement(By.id("exports-none")).getText()).isNotBlank();
		driver.findElement(By.cssSelector("#export-request button[type=submit]")).click();

		// The link is shown at once, and the progress is polled until the data is ready.
		String href = driver.findElement(By.id("export-link")).getAttribute("href");
		assertThat(href).startsWith(base + "/account/privacy/exports/download/");
		new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("export-state")).getText().contains("Ready"));
		assertThat(driver.findElement(By.id("export-state")).getText()).contains("100");
		assertThat(driver.findElement(By.id("export-progress")).getAttribute("hx-trigger")).isNull();

		List<?> first = fetch(driver, href);
		assertThat(first.get(0)).isEqualTo(200L);
		assertThat((String) first.get(1)).startsWith("application/zip");
		assertThat(first.get(2)).isEqualTo("PK");
		assertThat(((Number) first.get(3)).longValue()).isPositive();
		// Single use: the second time it is gone.
		assertThat(fetch(driver, href).get(0)).isEqualTo(410L);

		driver.get(base + "/account/privacy");
		assertThat(driver.findElement(By.id("exports-table")).getText()).contains("Downloaded");
		assertThat(driver.getPageSource()).doesNotContain(href.substring(href.lastIndexOf('/') + 1));
	}

}
