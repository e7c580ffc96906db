package org.mentorhub.goal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.attachment.TestDocuments;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal journey of issue 15 in a real browser, with its attachment (part 3): a mentor creates a goal
 * for their mentee; the mentee posts two updates in place (htmx), the second with a PDF; the mentor sees
 * them in the history and the Chart.js chart, and the PDF under its update, and downloads it (fetched in
 * the page with the browser's own session: status, headers and bytes); a stranger mentor gets 404 on the
 * goal and on the PDF.
 */
@BrowserTest
class GoalJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMentorSetsAGoalTheMenteeProgressesWithAPdfTheMentorDownloadsItAndAStrangerSeesNothing(WebDriver driver)
			throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Jo Mentee").create(this.jdbc);
		Account stranger = college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		byte[] pdf = TestDocuments.pdf("rehearsal notes");
		Path file = Files.createTempFile("rehearsal-", ".pdf");
		Files.write(file, pdf);

		// 1. The mentor creates a goal for the mentee.
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		driver.get(base + "/goals/new");
		new Select(driver.findElement(By.id("studentId"))).selectByVisibleText("Jo Mentee");
		driver.findElement(By.id("title")).sendKeys("Give a lightning talk");
		new Select(driver.findElement(By.id("category"))).selectByVisibleText("Skill");
		driver.findElement(By.cssSelector("#goal-form button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=created"));
		String goalUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");

		// 2. The mentee posts two updates in place, the second with a PDF attached.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(goalUrl);
		post(driver, wait, "30", "Outline written", null);
		post(driver, wait, "60", "Rehearsed twice", file);
		wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("goal-history")).getText().contains(file.getFileName().toString()));

		// 3. The mentor sees the chart and the PDF under its update, and downloads it.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentor.email(), "mentorhub-demo");
		driver.get(goalUrl);
		assertThat(driver.findElement(By.id("goal-history")).getText()).contains("Outline written", "Rehearsed twice");
		Object points = wait.until(d -> ((JavascriptExecutor) d).executeScript("""
				var chart = window.Chart && window.Chart.getChart(document.getElementById('goal-chart'));
				return chart ? chart.data.datasets[0].data.join(',') : null;"""));
		assertThat(points).isEqualTo("0,30,60");
		var link = driver.findElement(By.cssSelector(".goal-update-files a.attachment-download"));
		assertThat(link.getText()).isEqualTo(file.getFileName().toString());
		String pdfUrl = link.getAttribute("href");
		List<?> answer = fetch(driver, pdfUrl);
		assertThat(answer.get(0)).isEqualTo(200L);
		assertThat((String) answer.get(1)).startsWith("attachment").contains(file.getFileName().toString());
		assertThat(answer.get(2)).isEqualTo("nosniff");
		assertThat(answer.get(3)).isEqualTo("application/pdf");
		assertThat(answer.get(4)).isEqualTo(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));

		// 4. A stranger mentor gets "not found" for the goal and for the PDF.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(stranger.email(), "mentorhub-demo");
		driver.get(goalUrl);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("There is nothing here");
		assertThat(driver.getPageSource()).doesNotContain("Give a lightning talk");
		assertThat(fetch(driver, pdfUrl).get(0)).isEqualTo(404L);
		Files.deleteIfExists(file);
	}

	/** Fetches a URL in the page (the browser's session cookie): status, three headers and the body as Latin-1 text. */
	private static List<?> fetch(WebDriver driver, String url) {
		return (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) {
				  return r.arrayBuffer().then(function (b) {
				    var bytes = new Uint8Array(b), text = '';
				    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
				    done([r.status, r.headers.get('Content-Disposition'), r.headers.get('X-Content-Type-Options'),
				          r.headers.get('Content-Type'), text]);
				  });
				}).catch(function (e) { done([0, String(e)]); });""", url);
	}

	private static void post(WebDriver driver, WebDriverWait wait, String progress, String note, Path file) {
		var field = driver.findElement(By.id("update-progress"));
		field.clear();
		field.sendKeys(progress);
		driver.findElement(By.id("update-note")).sendKeys(note);
		if (file != null) {
			driver.findElement(By.id("update-file")).sendKeys(file.toAbsolutePath().toString());
		}
		driver.findElement(By.cssSelector("#goal-update-form button[type=submit]")).click();
		wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("goal-history")).getText().contains(note));
	}

}
