package org.mentorhub.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
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
 * The library journey of issue 18 in a real browser: an administrator uploads a PDF guidebook (a
 * draft) and publishes it; a mentee finds it by its tag, opens it (the PDF in a frame, served inline
 * with nosniff and its own policy) and comments, a script in the comment shown as text; a coordinator
 * removes the comment, which leaves a tombstone.
 */
@BrowserTest
class ResourceJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorPublishesAPdfAMenteeFindsItByTagAndCommentsAndACoordinatorRemovesTheComment(WebDriver driver)
			throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Jo Mentee").create(this.jdbc);
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		Path file = Files.createTempFile("handbook-", ".pdf");
		Files.write(file, TestDocuments.pdf("first year handbook"));
		String tag = "firstyear" + TestInstitutions.unique();

		// 1. The administrator uploads a PDF guidebook, a draft, and publishes it.
		SignInPage.open(driver, base).signIn(admin.email(), "mentorhub-demo");
		driver.get(base + "/resources/new");
		driver.findElement(By.id("title")).sendKeys("The first-year handbook");
		new Select(driver.findElement(By.id("type"))).selectByVisibleText("Guidebook");
		driver.findElement(By.id("description")).sendKeys("Everything about the first year.");
		driver.findElement(By.id("category")).sendKeys("getting-started");
		driver.findElement(By.id("tags")).sendKeys(tag + ", handbook");
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		driver.findElement(By.id("resource-save")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=created"));
		String resourceUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
		assertThat(driver.findElement(By.id("resource-draft")).isDisplayed()).isTrue();
		driver.findElement(By.id("resource-publish")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=published"));

		// 2. The mentee finds it by its tag (the results swap in place), opens it and comments.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(mentee.email(), "mentorhub-demo");
		driver.get(base + "/resources");
		driver.findElement(By.id("filter-tag")).sendKeys(tag.toUpperCase());
		driver.findElement(By.id("library-search")).click();
		wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> d.findElement(By.id("library-total")).getText().startsWith("1 "));
		wait.ignoring(StaleElementReferenceException.class)
			.until(d -> {
				d.findElement(By.cssSelector("#library-results a.resource-title")).click();
				return true;
			});
		wait.until(d -> d.getCurrentUrl().startsWith(resourceUrl));
		var frame = driver.findElement(By.id("resource-pdf"));
		String fileUrl = frame.getAttribute("src");
		List<?> answer = fetch(driver, fileUrl);
		assertThat(answer.get(0)).isEqualTo(200L);
		assertThat((String) answer.get(1)).startsWith("inline");
		assertThat(answer.get(2)).isEqualTo("nosniff");
		assertThat(answer.get(3)).isEqualTo("application/pdf");
		assertThat((String) answer.get(4)).contains("frame-ancestors 'self'");
		driver.findElement(By.id("content")).sendKeys("<script>window.pwned=1</script> Very useful, thank you");
		driver.findElement(By.id("comment-post")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=commented"));
		assertThat(driver.findElement(By.id("comments")).getText())
			.contains("<script>window.pwned=1</script> Very useful, thank you");
		assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned === undefined")).isEqualTo(true);

		// 3. A coordinator removes the comment: a tombstone stays.
		driver.manage().deleteAllCookies();
		SignInPage.open(driver, base).signIn(coordinator.email(), "mentorhub-demo");
		driver.get(resourceUrl);
		driver.findElement(By.cssSelector("details[id^=comment-remove-] summary")).click();
		driver.findElement(By.cssSelector("details[id^=comment-remove-] button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().contains("saved=removed"));
		wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("comments")).getText().contains("Comment removed by a moderator"));
		assertThat(driver.findElement(By.id("comments")).getText()).doesNotContain("Very useful");
		Files.deleteIfExists(file);
	}

	/** Fetches a URL in the page (the browser's session cookie): status, three headers, the policy and the body. */
	private static List<?> fetch(WebDriver driver, String url) {
		return (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) {
				  done([r.status, r.headers.get('Content-Disposition'), r.headers.get('X-Content-Type-Options'),
				        r.headers.get('Content-Type'), r.headers.get('Content-Security-Policy')]);
				}).catch(function (e) { done([0, String(e)]); });""", url);
	}

}
