package org.mentorhub.report.program;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.browser.BrowserTest;
import org.mentorhub.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done means" journey of issue 21 in a real browser: a coordinator opens the program dashboard for
 * January, widens the period to February (the charts are drawn again from the new figures), drills into
 * the no-shows, and downloads that list as XLSX; the file, read with fastexcel's reader, has the rows of
 * the page, in the same order, and none of another department's no-shows.
 */
@BrowserTest
class ProgramDashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void coordinatorChangesThePeriodDrillsIntoNoShowsAndTheirXlsxHasTheRowsOfThePage(WebDriver driver) throws Exception {
		String t = TestInstitutions.unique();
		TestInstitution college = TestInstitutions.aUniversity()
			.withDepartment("CS", "Computer Science " + t)
			.withDepartment("LAW", "Law " + t)
			.build(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Ada Mentor " + t).create(this.jdbc);
		Account lawMentor = college.aMentor().inDepartment("LAW").named("Lee Mentor " + t).create(this.jdbc);
		List<Account> mentees = new ArrayList<>();
		List<Long> pairs = new ArrayList<>();
		for (String name : List.of("Bo", "Cai", "Dee")) {
			Account mentee = college.aStudent().inDepartment("CS").named(name + " Student " + t).create(this.jdbc);
			mentees.add(mentee);
			pairs.add(mentorship(college, "CS", mentor, mentee));
		}
		Account lawMentee = college.aStudent().inDepartment("LAW").named("Lu Student " + t).create(this.jdbc);
		long lawPair = mentorship(college, "LAW", lawMentor, lawMentee);
		// January: two attended, two no-shows; February: one more no-show and one attended; Law: a no-show.
		session(pairs.get(0), mentor, mentees.get(0), at(1, 6), "PRESENT", "Kick-off");
		session(pairs.get(1), mentor, mentees.get(1), at(1, 13), "ABSENT", "CV review");
		session(pairs.get(2), mentor, mentees.get(2), at(1, 20), "ABSENT", "Mock interview");
		session(pairs.get(0), mentor, mentees.get(0), at(1, 27), "LATE", "Portfolio");
		long februaryNoShow = session(pairs.get(1), mentor, mentees.get(1), at(2, 10), "ABSENT", "Second try");
		session(pairs.get(2), mentor, mentees.get(2), at(2, 17), "PRESENT", "Offer talk");
		long lawNoShow = session(lawPair, lawMentor, lawMentee, at(1, 14), "ABSENT", "Moot court");

		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		SignInPage.open(driver, base).signIn(coordinator.email(), "mentorhub-demo");

		// 1. January: two no-shows, the weekly chart has January's weeks.
		driver.get(base + "/reports/program?from=2026-01-01&to=2026-01-31");
		assertThat(driver.findElement(By.cssSelector("#no-shows td")).getText()).isEqualTo("2");
		String januaryChart = chart(driver, wait, "chart-weeks");
		assertThat(januaryChart).contains("2026-01-05").doesNotContain("2026-02-09");

		// 2. The period is widened to February: the page comes back with the new figures and the charts redraw.
		setDate(driver, "to", "2026-02-28");
		driver.findElement(By.id("program-apply")).click();
		wait.until(d -> d.getCurrentUrl().contains("to=2026-02-28"));
		assertThat(driver.findElement(By.cssSelector("#no-shows td")).getText()).isEqualTo("3");
		String februaryChart = chart(driver, wait, "chart-weeks");
		assertThat(februaryChart).isNotEqualTo(januaryChart).contains("2026-01-05", "2026-02-09", "2026-02-16");
		assertThat(driver.findElement(By.id("table-weeks")).getText()).contains("2026-02-09");

		// 3. Drill into the no-shows: the three of CS in the period, none of Law's.
		driver.findElement(By.id("drill-no-shows")).click();
		wait.until(d -> d.getCurrentUrl().contains("/reports/program/sessions"));
		assertThat(driver.getCurrentUrl()).contains("attendance=ABSENT", "from=2026-01-01", "to=2026-02-28");
		List<WebElement> pageRows = driver.findElements(By.cssSelector("#program-sessions-table tbody tr[data-session]"));
		List<Long> pageIds = pageRows.stream().map(r -> Long.parseLong(r.getAttribute("data-session"))).toList();
		assertThat(pageIds).hasSize(3).contains(februaryNoShow).doesNotContain(lawNoShow);
		List<List<String>> pageCells = pageRows.stream()
			.map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
		assertThat(pageCells).allSatisfy(cells -> assertThat(cells.get(3)).isEqualTo("Absent"));

		// 4. Export this list as XLSX: the browser downloads it, and the file has the page's rows.
		Path downloads = Files.createTempDirectory("mentorhub-downloads");
		((ChromiumDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
		driver.findElement(By.id("export-list-xlsx")).click();
		Path xlsx = wait.until(d -> downloaded(downloads));

		List<List<String>> fileRows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			try (var stream = workbook.getFirstSheet().openStream()) {
				stream.forEach(row -> fileRows.add(ProgramDashboardIntegrationTests.cells(row, 9)));
			}
		}
		assertThat(fileRows.get(0)).containsExactly("id", "scheduled_at_utc", "status", "mode", "attendance", "mentor",
				"mentee", "department", "title");
		List<List<String>> body = fileRows.subList(1, fileRows.size());
		assertThat(body).extracting(r -> Long.parseLong(r.get(0))).containsExactlyElementsOf(pageIds);
		for (int i = 0; i < body.size(); i++) {
			List<String> file = body.get(i);
			List<String> page = pageCells.get(i);
			// The page's columns: when, status, how, attendance, mentor, mentee, department, title.
			assertThat(file.get(1).replace('T', ' ')).isEqualTo(page.get(0));
			assertThat(List.of(file.get(2), file.get(3), file.get(4), file.get(5), file.get(6), file.get(7), file.get(8)))
				.containsExactlyElementsOf(page.subList(1, 8));
		}
		assertThat(body).extracting(r -> r.get(7)).containsOnly("Computer Science " + t);
		try (Stream<Path> files = Files.list(downloads)) {
			files.forEach(f -> f.toFile().delete());
		}
		Files.deleteIfExists(downloads);
	}

	/** The labels and data of a drawn Chart.js chart, once Chart.js has drawn it on this page. */
	private static String chart(WebDriver driver, WebDriverWait wait, String canvas) {
		return (String) wait.until(d -> ((JavascriptExecutor) d).executeScript("""
				var chart = window.Chart && window.Chart.getChart(document.getElementById(arguments[0]));
				return chart ? JSON.stringify({ labels: chart.data.labels,
				    data: chart.data.datasets.map(function (s) { return s.data; }) }) : null;""", canvas));
	}

	/** A date field set as a date picker would (its typed form depends on the browser's locale). */
	private static void setDate(WebDriver driver, String id, String value) {
		((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
				value);
	}

	/** The finished .xlsx in the folder, or null while the download runs. */
	private static Path downloaded(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static LocalDateTime at(int month, int day) {
		return LocalDateTime.of(2026, month, day, 10, 0);
	}

	private long mentorship(TestInstitution college, String department, Account mentor, Account mentee) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
				VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
			.param("i", college.id()).param("d", college.department(department)).param("m", mentor.id())
			.param("e", mentee.id()).param("c", LocalDateTime.of(2025, 12, 1, 9, 0))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private long session(long mentorship, Account mentor, Account mentee, LocalDateTime at, String attendance,
			String title) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, attendance)
				VALUES (:p, :m, :e, :title, :at, 'COMPLETED', :a)""")
			.param("p", mentorship).param("m", mentor.id()).param("e", mentee.id()).param("title", title)
			.param("at", at).param("a", attendance)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
