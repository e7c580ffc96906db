package org.mentorhub.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.AbuseReported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The support desk through its pages and its API: reporting with the page and a screenshot, bad input
 * (400 inline or problem JSON, nothing written), the thread with internal notes that the reporter never
 * sees (page, API, notifications), the guarded transitions and the reporter's part in them (close; reopen
 * within 14 days), assignment and escalation to the platform administrator, the queue with its filters and
 * averages, "not found" for everybody else's issues, stored XSS inert, and abuse reports as issues.
 */
@MentorHubIntegrationTest
class SupportDeskIntegrationTests {

	static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	TestInstitution college;

	Account mentee;

	Account other;

	Account admin;

	Account admin2;

	Account platform;

	Account foreignAdmin;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").named("Nia Student").create(this.jdbc);
		this.other = this.college.aStudent().inDepartment("CS").named("Olu Other").create(this.jdbc);
		this.admin = this.college.anAdmin().named("Ada Admin").create(this.jdbc);
		this.admin2 = this.college.anAdmin().named("Abe Admin").create(this.jdbc);
		this.platform = TestAccounts.create(this.jdbc, null, null, RoleName.PLATFORM_ADMIN);
		this.foreignAdmin = aUniversity().build(this.jdbc).anAdmin().create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions api(Account caller, String method, String uri, String json) throws Exception {
		var request = switch (method) {
			case "POST" -> post(uri);
			case "PUT" -> put(uri);
			default -> get(uri);
		};
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request.with(as(caller)).with(csrf()).accept(MediaType.APPLICATION_JSON));
	}

	long issueCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM reported_issues WHERE user_id IN (:u)")
			.param("u", List.of(this.mentee.id(), this.other.id())).query(Long.class).single();
	}

	String statusOf(long issue) {
		return this.jdbc.sql("SELECT status FROM reported_issues WHERE id = :i").param("i", issue).query(String.class).single();
	}

	List<String> notificationsOf(Account account) {
		return this.jdbc.sql("SELECT CONCAT(type, ' ', title, ' ', body) FROM notifications WHERE user_id = :u ORDER BY id")
			.param("u", account.id()).query(String.class).list();
	}

	@Test
	void aMenteeReportsAnIssueWithAScreenshotAndThePageSheWasOn() throws Exception {
		this.mvc.perform(get("/support/new?from=/goals/12").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"issue-form\""), containsString("value=\"/goals/12\""))));
		MockMultipartFile png = new MockMultipartFile("file", "screen.png", "image/png", TestFiles.picture("png", 16, 16, false));
		this.mvc.perform(multipart("/support").file(png).with(as(this.mentee)).with(csrf())
			.param("title", "The chart is empty").param("description", "No bars on my goal.")
			.param("category", "TECHNICAL").param("pagePath", "/goals/12"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/support/*?saved=reported"));
		long issue = this.jdbc.sql("SELECT id FROM reported_issues WHERE user_id = :u").param("u", this.mentee.id())
			.query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT page_path FROM reported_issues WHERE id = :i").param("i", issue)
			.query(String.class).single()).isEqualTo("/goals/12");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE related_type = 'ISSUE' AND related_id = :i")
			.param("i", issue).query(Long.class).single()).isEqualTo(1);
		this.mvc.perform(get("/support/" + issue).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The chart is empty"), containsString("screen.png"),
					containsString("href=\"/goals/12\""))));
		// The administrators hear of it; the screenshot is in the same files for them.
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(this.admin).size() == 1);
		assertThat(notificationsOf(this.admin).get(0)).startsWith("SUPPORT_ISSUE_REPORTED New issue: The chart is empty")
			.contains("Nia Student reported a problem (Technical problem)");
		this.mvc.perform(get("/api/v1/attachments/issue/" + issue).with(as(this.admin)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].fileName").value("screen.png"));
		this.mvc.perform(get("/api/v1/attachments/issue/" + issue).with(as(this.other)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
		this.mvc.perform(post("/support").with(as(this.mentee)).with(csrf())
			.param("title", " ").param("description", "x").param("category", "WEATHER"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Give the issue a short title."),
					containsString("Unknown category"))));
		api(this.mentee, "POST", "/api/v1/support/issues",
				"{\"title\":\"T\",\"description\":\"D\",\"category\":\"WEATHER\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		api(this.mentee, "POST", "/api/v1/support/issues",
				"{\"title\":\"T\",\"description\":\"D\",\"category\":\"ABUSE\"}")
			.andExpect(status().isBadRequest());
		api(this.mentee, "POST", "/api/v1/support/issues",
				"{\"title\":\"T\",\"description\":\"D\",\"category\":\"OTHER\",\"pagePath\":\"https://evil.example/x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("pagePath"));
		// A refused screenshot refuses the issue too.
		MockMultipartFile exe = new MockMultipartFile("file", "screen.png", "image/png", new byte[] { 'M', 'Z', 0, 0, 1, 2 });
		this.mvc.perform(multipart("/support").file(exe).with(as(this.mentee)).with(csrf())
			.param("title", "T").param("description", "D").param("category", "OTHER"))
			.andExpect(status().isBadRequest());
		assertThat(issueCount()).isZero();

		long issue = SupportFixtures.issue(this.jdbc, this.mentee.id(), "Empty messages");
		this.mvc.perform(post("/support/" + issue + "/messages").with(as(this.mentee)).with(csrf()).param("message", "   "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write a message.")));
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/messages", "{\"message\":\"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("message"));
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"FLY\"}")
			.andExpect(status().isBadRequest());
		api(this.admin, "PUT", "/api/v1/support/issues/" + issue + "/assignee", "{\"assigneeId\":" + this.other.id() + "}")
			.andExpect(status().isBadRequest());
		api(this.admin, "GET", "/api/v1/support/issues/queue?category=WEATHER", null).andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM issue_messages WHERE issue_id = :i").param("i", issue)
			.query(Long.class).single()).isZero();
		assertThat(statusOf(issue)).isEqualTo("OPEN");
	}

	@Test
	void anotherPersonsIssueIsNotFoundAndThePlatformSeesOnlyWhatIsEscalated() throws Exception {
		long issue = SupportFixtures.issue(this.jdbc, this.mentee.id(), "Mine alone");
		for (Account stranger : List.of(this.other, this.foreignAdmin, this.platform)) {
			this.mvc.perform(get("/support/" + issue).with(as(stranger))).andExpect(status().isNotFound());
			api(stranger, "GET", "/api/v1/support/issues/" + issue, null).andExpect(status().isNotFound());
			api(stranger, "POST", "/api/v1/support/issues/" + issue + "/messages", "{\"message\":\"hi\"}")
				.andExpect(status().isNotFound());
			api(stranger, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"CLOSE\"}")
				.andExpect(status().isNotFound());
		}
		api(this.mentee, "GET", "/api/v1/support/issues/queue", null).andExpect(status().isForbidden());
		api(this.mentee, "PUT", "/api/v1/support/issues/" + issue + "/assignee", "{\"assigneeId\":" + this.admin.id() + "}")
			.andExpect(status().isForbidden());
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/escalation", null).andExpect(status().isForbidden());
		api(this.platform, "GET", "/api/v1/support/issues/queue?status=all", null)
			.andExpect(content().string(not(containsString("Mine alone"))));

		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/escalation", null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.escalatedAt").isNotEmpty());
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/escalation", null).andExpect(status().isConflict());
		api(this.platform, "GET", "/api/v1/support/issues/" + issue, null).andExpect(status().isOk());
		api(this.platform, "GET", "/api/v1/support/issues/queue?status=all", null)
			.andExpect(content().string(containsString("Mine alone")));
		api(this.platform, "PUT", "/api/v1/support/issues/" + issue + "/assignee", "{\"assigneeId\":" + this.platform.id() + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigneeId").value(this.platform.id()));
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(this.platform).stream()
			.anyMatch(n -> n.startsWith("SUPPORT_ISSUE_ESCALATED Escalated: Mine alone")));
		this.mvc.perform(get("/support/" + issue).with(as(this.foreignAdmin))).andExpect(status().isNotFound());
	}

	@Test
	void internalNotesNeverReachTheReporter() throws Exception {
		long issue = SupportFixtures.issue(this.jdbc, this.mentee.id(), "Login loops");
		api(this.admin, "PUT", "/api/v1/support/issues/" + issue + "/assignee", "{\"assigneeId\":" + this.admin2.id() + "}")
			.andExpect(status().isOk());
		this.mvc.perform(post("/support/" + issue + "/messages").with(as(this.admin)).with(csrf())
			.param("message", "SECRET-NOTE: her account was merged twice").param("internal", "true"))
			.andExpect(status().is3xxRedirection());
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/messages", "{\"message\":\"Please sign out and in again.\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fromStaff").value(true));
		// The reporter may not write internal notes.
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/messages",
				"{\"message\":\"sneaky\",\"internal\":true}")
			.andExpect(status().isForbidden());

		this.mvc.perform(get("/support/" + issue).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Please sign out and in again."),
					not(containsString("SECRET-NOTE")), not(containsString("id=\"internal\"")))));
		api(this.mentee, "GET", "/api/v1/support/issues/" + issue, null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages.length()").value(1))
			.andExpect(content().string(not(containsString("SECRET-NOTE"))));
		this.mvc.perform(get("/support/" + issue).with(as(this.admin2)))
			.andExpect(content().string(allOf(containsString("SECRET-NOTE"), containsString("Internal note"))));

		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(this.mentee).size() == 1
				&& notificationsOf(this.admin2).size() >= 2);
		assertThat(notificationsOf(this.mentee)).singleElement()
			.satisfies(n -> assertThat(n).startsWith("SUPPORT_ISSUE_MESSAGE").doesNotContain("SECRET").doesNotContain("sign out"));
		assertThat(notificationsOf(this.admin2)).anyMatch(n -> n.startsWith("SUPPORT_ISSUE_NOTE"))
			.allMatch(n -> !n.contains("SECRET"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE body_text LIKE :s OR body_html LIKE :s").param("s", "%SECRET-NOTE%")
			.query(Long.class).single()).isZero();
		// The first answer the reporter sees is the first response.
		assertThat(this.jdbc.sql("SELECT first_response_seconds FROM reported_issues WHERE id = :i").param("i", issue)
			.query(Long.class).single()).isNotNull();
	}

	@Test
	void transitionsAreGuardedAndTheReporterReopensWithinFourteenDays() throws Exception {
		long issue = SupportFixtures.issue(this.jdbc, this.mentee.id(), "Calendar wrong");
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"START\"}")
			.andExpect(status().isForbidden());
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"START\",\"version\":0}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"RESOLVE\",\"version\":0}")
			.andExpect(status().isConflict());
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"RESOLVE\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.resolutionSeconds").isNumber());
		this.mvc.perform(post("/support/" + issue + "/transitions").with(as(this.mentee)).with(csrf()).param("action", "REOPEN"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(issue)).isEqualTo("OPEN");
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(this.mentee).size() == 2
				&& notificationsOf(this.admin).size() + notificationsOf(this.admin2).size() == 2);
		assertThat(notificationsOf(this.mentee)).allMatch(n -> n.startsWith("SUPPORT_ISSUE_STATUS_CHANGED"));

		// Past the window, the reporter cannot reopen.
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"RESOLVE\"}")
			.andExpect(status().isOk());
		this.jdbc.sql("UPDATE reported_issues SET resolved_at = :at WHERE id = :i")
			.param("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(15)).param("i", issue).update();
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"REOPEN\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("within 14 days")));
		this.mvc.perform(get("/support/" + issue).with(as(this.mentee)))
			.andExpect(content().string(allOf(not(containsString("id=\"action-reopen\"")), containsString("id=\"action-close\""))));

		// The reporter closes it; closed is final, for the reporter as for staff.
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"CLOSE\"}")
			.andExpect(status().isOk());
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/transitions", "{\"action\":\"START\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("An issue that is CLOSED cannot be started")));
		this.mvc.perform(post("/support/" + issue + "/transitions").with(as(this.mentee)).with(csrf()).param("action", "START"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("cannot be started")));
		api(this.admin, "POST", "/api/v1/support/issues/" + issue + "/messages", "{\"message\":\"late\"}")
			.andExpect(status().isConflict());
		assertThat(statusOf(issue)).isEqualTo("CLOSED");
	}

	@Test
	void storedXssIsInertInTheListsThePageAndTheNotifications() throws Exception {
		api(this.mentee, "POST", "/api/v1/support/issues",
				"{\"title\":\"" + XSS.replace("\"", "\\\"") + "\",\"description\":\"" + XSS.replace("\"", "\\\"")
						+ "\",\"category\":\"OTHER\"}")
			.andExpect(status().isCreated());
		long issue = this.jdbc.sql("SELECT id FROM reported_issues WHERE user_id = :u").param("u", this.mentee.id())
			.query(Long.class).single();
		api(this.mentee, "POST", "/api/v1/support/issues/" + issue + "/messages", "{\"message\":\"" + XSS.replace("\"", "\\\"") + "\"}")
			.andExpect(status().isCreated());
		for (var page : List.of(get("/support/" + issue).with(as(this.mentee)), get("/support").with(as(this.mentee)),
				get("/support/queue").with(as(this.admin)), get("/support/" + issue).with(as(this.admin)))) {
			this.mvc.perform(page)
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(not(containsString("<script>alert(1)")), not(containsString("<img src=x")),
						containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> !notificationsOf(this.admin).isEmpty());
		this.mvc.perform(get("/notifications").with(as(this.admin)))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void theQueueFiltersByStatusAssigneeCategoryAndAgeAndShowsTheAverages() throws Exception {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		long old = SupportFixtures.issue(this.jdbc, this.mentee.id(), "Old one", "OPEN", this.admin.id(), now.minusDays(10));
		long fresh = SupportFixtures.issue(this.jdbc, this.other.id(), "Fresh one", "IN_PROGRESS", null, now);
		long done = SupportFixtures.issue(this.jdbc, this.other.id(), "Done one", "RESOLVED", this.admin2.id(), now.minusDays(3));
		this.jdbc.sql("UPDATE reported_issues SET first_response_seconds = 3600, resolution_seconds = 7200 WHERE id = :i")
			.param("i", done).update();
		this.jdbc.sql("UPDATE reported_issues SET first_response_seconds = 7200 WHERE id = :i").param("i", old).update();
		this.jdbc.sql("UPDATE reported_issues SET category = 'ACCOUNT' WHERE id = :i").param("i", fresh).update();

		api(this.admin, "GET", "/api/v1/support/issues/queue", null)
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].id").value(old))
			.andExpect(jsonPath("$.averageFirstResponseSeconds").value(7200.0));
		api(this.admin, "GET", "/api/v1/support/issues/queue?status=all", null)
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.averageFirstResponseSeconds").value(5400.0))
			.andExpect(jsonPath("$.averageResolutionSeconds").value(7200.0));
		api(this.admin, "GET", "/api/v1/support/issues/queue?status=RESOLVED", null).andExpect(jsonPath("$.items[0].id").value(done));
		api(this.admin, "GET", "/api/v1/support/issues/queue?assignee=me", null).andExpect(jsonPath("$.total").value(1));
		api(this.admin, "GET", "/api/v1/support/issues/queue?assignee=none", null).andExpect(jsonPath("$.items[0].id").value(fresh));
		api(this.admin, "GET", "/api/v1/support/issues/queue?category=ACCOUNT", null).andExpect(jsonPath("$.total").value(1));
		api(this.admin, "GET", "/api/v1/support/issues/queue?minAgeDays=5", null).andExpect(jsonPath("$.items[0].id").value(old));
		api(this.admin, "GET", "/api/v1/support/issues/queue?status=all&sort=newest", null)
			.andExpect(jsonPath("$.items[0].id").value(fresh));
		api(this.admin, "GET", "/api/v1/support/issues/queue?sort=sideways", null).andExpect(status().isBadRequest());
		api(this.foreignAdmin, "GET", "/api/v1/support/issues/queue?status=all", null).andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/support/queue?status=all").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1 h 30 min"), containsString("2 h 0 min"),
					containsString("Old one"), containsString("Done one"))));
		this.mvc.perform(get("/support/queue?category=WEATHER").with(as(this.admin))).andExpect(status().isBadRequest());
	}

	@Test
	void anAbuseReportBecomesAnAbuseIssueForTheAdministratorsQuotingOnlyTheItem() {
		AbuseReported report = new AbuseReported(this.college.id(), this.mentee.id(), this.other.id(), "DIRECT_MESSAGE",
				4242, "You are useless " + XSS, "Insulting", "/messages/17");
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(report));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql(
				"SELECT COUNT(*) FROM reported_issues WHERE category = 'ABUSE' AND user_id = :u").param("u", this.mentee.id())
			.query(Long.class).single() == 1);
		var row = this.jdbc.sql("""
				SELECT institution_id, title, description, item_kind, item_id, reported_user_id, page_path, status
				FROM reported_issues WHERE category = 'ABUSE' AND user_id = :u""")
			.param("u", this.mentee.id()).query().singleRow();
		assertThat(((Number) row.get("institution_id")).longValue()).isEqualTo(this.college.id());
		assertThat((String) row.get("description")).contains("You are useless").contains("Insulting")
			.contains("DIRECT_MESSAGE #4242");
		assertThat(row.get("item_kind")).isEqualTo("DIRECT_MESSAGE");
		assertThat(((Number) row.get("reported_user_id")).longValue()).isEqualTo(this.other.id());
		assertThat(row.get("page_path")).isEqualTo("/messages/17");
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(this.admin).size() == 1
				&& notificationsOf(this.admin2).size() == 1);
		assertThat(notificationsOf(this.admin).get(0)).contains("Abuse report");
		// Delivered again (a retry), it opens nothing twice.
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(report));
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reported_issues WHERE category = 'ABUSE' AND user_id = :u")
			.param("u", this.mentee.id()).query(Long.class).single()).isEqualTo(1);
	}

}
