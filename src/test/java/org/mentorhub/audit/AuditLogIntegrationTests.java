package org.mentorhub.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log viewer, its API twin and the CSV export (QUALITY S12), on the caller's rows only. */
@MentorHubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIntegrationTests {

	/** An e-mail address on a page. */
	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DataSource dataSource;

	/** A fresh university (CS and BUS) and a fresh company of this test class's own. */
	TestInstitution college;

	TestInstitution company;

	Account collegeAdmin;

	Account companyAdmin;

	Account platformAdmin;

	Account mentor;

	Account actor;

	/** A record kind unique to this run, so that counts are exact. */
	String entity;

	@BeforeAll
	void accountsAndRows() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.company = aCompany().build(this.jdbc);
		this.collegeAdmin = this.college.anAdmin().create(this.jdbc);
		this.companyAdmin = this.company.anAdmin().create(this.jdbc);
		this.platformAdmin = TestAccounts.create(this.jdbc, null, null, RoleName.PLATFORM_ADMIN);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.actor = this.college.aStudent().inDepartment("BUS").create(this.jdbc);
		this.entity = "test-" + UUID.randomUUID().toString().substring(0, 8);
		insert(this.actor.id(), this.actor.institutionId(), "GOAL_CREATED", "r1", LocalDateTime.of(2020, 3, 1, 9, 0), null);
		insert(this.actor.id(), this.actor.institutionId(), "GOAL_UPDATED", "r1", LocalDateTime.of(2020, 3, 15, 23, 59, 59), null);
		insert(this.actor.id(), this.actor.institutionId(), "GOAL_UPDATED", "r2", LocalDateTime.of(2020, 4, 1, 0, 0), null);
		insert(this.collegeAdmin.id(), this.collegeAdmin.institutionId(), "USER_DISABLED", "r3", LocalDateTime.of(2020, 4, 2, 12, 0),
				"=HYPERLINK(\"http://evil.example\")");
	}

	void insert(Long user, Long institution, String action, String entityId, LocalDateTime at, String agent) {
		this.jdbc.sql("INSERT INTO audit_logs (user_id, institution_id, action, entity, entity_id, before_state, "
				+ "after_state, ip, user_agent, created_at) VALUES (:u, :i, :a, :e, :id, :b, :af, '10.1.2.3', :ua, :at)")
			.param("u", user)
			.param("i", institution)
			.param("a", action)
			.param("e", this.entity)
			.param("id", entityId)
			.param("b", "{\"status\":\"ACTIVE\"}")
			.param("af", "{\"status\":\"DISABLED\"}")
			.param("ua", agent)
			.param("at", at)
			.update();
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long exportsBy(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE user_id = :u AND action = 'AUDIT_EXPORTED'")
			.param("u", account.id())
			.query(Long.class)
			.single();
	}

	@Test
	void administratorSeesTheNewestRowsOfTheInstitutionTwentyFivePerPage() throws Exception {
		String first = this.mvc.perform(get("/api/v1/audit-logs").with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(25))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> times = com.jayway.jsonpath.JsonPath.read(first, "$.items[*].createdAt");
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

		String second = this.mvc.perform(get("/api/v1/audit-logs").param("page", "2").with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> firstIds = com.jayway.jsonpath.JsonPath.read(first, "$.items[*].id");
		List<Integer> secondIds = com.jayway.jsonpath.JsonPath.read(second, "$.items[*].id");
		assertThat(secondIds).hasSize(25).doesNotContainAnyElementsOf(firstIds);
	}

	@Test
	void filtersByUserActionRecordAndUtcDateRange() throws Exception {
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("user", this.actor.email())
			.with(as(this.collegeAdmin)))
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].userEmail").value(this.actor.email()))
			.andExpect(jsonPath("$.items[0].entityId").value("r2"))
			.andExpect(jsonPath("$.items[0].before.status").value("ACTIVE"));
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("user", String.valueOf(this.actor.id()))
			.with(as(this.collegeAdmin))).andExpect(jsonPath("$.items.length()").value(3));
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("action", "goal_updated")
			.with(as(this.collegeAdmin))).andExpect(jsonPath("$.items.length()").value(2));
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("entityId", "r1")
			.with(as(this.collegeAdmin))).andExpect(jsonPath("$.items.length()").value(2));
		// Whole days in UTC, both ends included: 1 March 09:00 and 15 March 23:59:59, not 1 April.
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("from", "2020-03-01")
			.param("to", "2020-03-15")
			.with(as(this.collegeAdmin)))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[*].createdAt", hasItems("2020-03-15T23:59:59Z", "2020-03-01T09:00:00Z")));
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("from", "2020-03-15T12:00")
			.with(as(this.collegeAdmin))).andExpect(jsonPath("$.items.length()").value(3));
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).param("user", "nobody@nowhere.test")
			.with(as(this.collegeAdmin))).andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void anotherInstitutionsAdministratorSeesNoneOfItsRows() throws Exception {
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).with(as(this.companyAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
		this.mvc.perform(get("/api/v1/audit-logs").param("user", this.actor.email()).with(as(this.companyAdmin)))
			.andExpect(jsonPath("$.items.length()").value(0));
		String page = this.mvc.perform(get("/admin/audit").with(as(this.companyAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(this.actor.email(), this.collegeAdmin.email(), "Goal updated");
		// Nor anybody else's row: every address on the page is of the company's own domain.
		String companyDomain = this.companyAdmin.email().substring(this.companyAdmin.email().indexOf('@'));
		assertThat(EMAIL.matcher(page).results().map(MatchResult::group).toList())
			.allSatisfy(email -> assertThat(email).endsWith(companyDomain));
	}

	@Test
	void platformAdministratorSeesOnlyRowsOfNoInstitution() throws Exception {
		insert(this.platformAdmin.id(), null, "INSTITUTION_CREATED", "p1", LocalDateTime.of(2020, 5, 1, 8, 0), null);

		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).with(as(this.platformAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].entityId").value("p1"))
			.andExpect(jsonPath("$.items[0].userEmail").value(this.platformAdmin.email()));
		this.mvc.perform(get("/api/v1/audit-logs").param("entity", this.entity).with(as(this.collegeAdmin)))
			.andExpect(jsonPath("$.items[*].entityId", not(hasItems("p1"))));
	}

	@Test
	void aMentorMayNotReadOrExportTheAuditLog() throws Exception {
		this.mvc.perform(get("/admin/audit").with(as(this.mentor))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/audit-logs").with(as(this.mentor)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/admin/audit/export.csv").with(as(this.mentor))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/audit-logs/export").with(as(this.mentor))).andExpect(status().isForbidden());

		assertThat(exportsBy(this.mentor)).isZero();
	}

	@Test
	void deniedAccessIsRecordedForSignedInCallersOnly() throws Exception {
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long anonymousBefore = this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ACCESS_DENIED' AND user_id IS NULL")
			.query(Long.class)
			.single();

		this.mvc.perform(get("/api/v1/audit-logs").param("token", "secret-in-query").with(as(mentee)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/audit")).andExpect(status().isFound());

		var row = this.jdbc.sql("SELECT institution_id, entity, entity_id, after_state FROM audit_logs "
				+ "WHERE action = 'ACCESS_DENIED' AND user_id = :u")
			.param("u", mentee.id())
			.query()
			.singleRow();
		assertThat(row.get("entity_id")).isEqualTo("GET /api/v1/audit-logs");
		assertThat(((Number) row.get("institution_id")).longValue()).isEqualTo(mentee.institutionId());
		assertThat(String.valueOf(row.get("after_state"))).contains("AuditLog.search").doesNotContain("secret-in-query");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ACCESS_DENIED' AND user_id IS NULL")
			.query(Long.class)
			.single()).isEqualTo(anonymousBefore);
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/audit")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/v1/audit-logs")).andExpect(status().isUnauthorized());
	}

	@Test
	void badFiltersAreRefusedWithTheFieldsNamedAndNothingIsExported() throws Exception {
		this.mvc.perform(get("/api/v1/audit-logs").param("from", "2026-13-45")
			.param("action", "DROP TABLE;")
			.param("entity", "users' OR '1'='1")
			.param("page", "0")
			.param("size", "500")
			.with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItems("from", "action", "entity", "page", "size")));
		this.mvc.perform(get("/api/v1/audit-logs").param("from", "2020-04-01").param("to", "2020-03-01")
			.with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value("The end of the date range is before its start."));
		this.mvc.perform(get("/api/v1/audit-logs").param("to", "0001-01-01").with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/audit-logs").param("page", "two").with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/audit-logs").param("entityId", "x".repeat(65)).with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entityId"));

		this.mvc.perform(get("/admin/audit").param("from", "yesterday").param("page", "x").with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a date as yyyy-MM-dd")))
			.andExpect(content().string(containsString("Choose a page from 1")));

		long before = exportsBy(this.collegeAdmin);
		this.mvc.perform(get("/admin/audit/export.csv").param("to", "31/12/2020").with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Content-Disposition"))
			.andExpect(content().string(containsString("Enter a date as yyyy-MM-dd")));
		this.mvc.perform(get("/api/v1/audit-logs/export").param("from", "soon").with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		assertThat(exportsBy(this.collegeAdmin)).isEqualTo(before);
	}

	@Test
	void thePageListsRowsWithTheActorsEmailAndLinksToOlderRows() throws Exception {
		// More rows of the institution than one page holds (of another entity, so the exact counts hold).
		for (int i = 0; i <= AuditLog.PAGE_SIZE; i++) {
			this.jdbc.sql("INSERT INTO audit_logs (user_id, institution_id, action, entity, entity_id, created_at) "
					+ "VALUES (:u, :i, 'PAGE_FILLER', :e, :id, :at)")
				.param("u", this.actor.id())
				.param("i", this.actor.institutionId())
				.param("e", this.entity + "-filler")
				.param("id", String.valueOf(i))
				.param("at", LocalDateTime.of(2019, 1, 1, 0, 0).plusMinutes(i))
				.update();
		}
		this.mvc.perform(get("/admin/audit").with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"audit-rows\"")))
			.andExpect(content().string(containsString("id=\"audit-next\"")))
			.andExpect(content().string(containsString("<html")));
		this.mvc.perform(get("/admin/audit").param("entity", this.entity).param("user", this.actor.email())
			.with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.actor.email())))
			// The action by its label, never the code; the time in the viewer's zone (UTC or London here).
			.andExpect(content().string(containsString("Goal updated")))
			.andExpect(content().string(not(containsString("GOAL_UPDATED"))))
			.andExpect(content().string(containsString("Wed 1 Apr 2020, 0")))
			.andExpect(content().string(not(containsString("<td>User disabled</td>"))));
	}

	@Test
	void theActionFilterOffersReadableLabelsAndStillTakesARawCode() throws Exception {
		this.mvc.perform(get("/admin/audit").with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<select id=\"filter-action\" name=\"action\"")))
			.andExpect(content().string(containsString("<option value=\"\">Any action</option>")))
			.andExpect(content().string(containsString("<option value=\"SIGN_IN_FAILED\">Sign in failed</option>")))
			.andExpect(content().string(containsString("<option value=\"USER_INVITED\">User invited</option>")));
		// The chosen label filters (any case), and the export keeps the filter.
		this.mvc.perform(get("/admin/audit").param("entity", this.entity).param("action", "user_disabled")
			.with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"USER_DISABLED\" selected=\"selected\">User disabled</option>")))
			.andExpect(content().string(containsString("<td>User disabled</td>")))
			.andExpect(content().string(not(containsString("<td>Goal updated</td>"))))
			.andExpect(content().string(containsString("action=user_disabled")));
		// A code that is not in the list (typed into the address, as API clients do) still filters and stays chosen.
		this.mvc.perform(get("/admin/audit").param("entity", this.entity).param("action", "goal_updated")
			.with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"GOAL_UPDATED\" selected=\"selected\">Goal updated</option>")))
			.andExpect(content().string(containsString("<td>Goal updated</td>")))
			.andExpect(content().string(not(containsString("<td>User disabled</td>"))));
		this.mvc.perform(get("/admin/audit").param("action", "DROP TABLE;").with(as(this.collegeAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter an action such as USER_INVITED")));
	}

	@Test
	void htmxGetsOnlyTheViewerPartAndErrorsStaySwappable() throws Exception {
		this.mvc.perform(get("/admin/audit").param("entity", this.entity).header("HX-Request", "true").with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"audit-view\"")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/admin/audit").param("from", "nope").header("HX-Request", "true").with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
	}

	@Test
	void exportIsAnAuditedCsvAttachmentOfTheFilteredRows() throws Exception {
		long before = exportsBy(this.collegeAdmin);

		MockHttpServletResponse response = this.mvc
			.perform(get("/admin/audit/export.csv").param("entity", this.entity).with(as(this.collegeAdmin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"audit-log-")))
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse();

		List<String> lines = response.getContentAsString().lines().toList();
		assertThat(lines.get(0)).startsWith("created_at_utc,user_id,user_email,actor_label,action,entity,entity_id");
		assertThat(lines).hasSize(5);
		assertThat(lines.get(1)).startsWith("2020-04-02T12:00:00Z,").contains("USER_DISABLED", this.collegeAdmin.email());
		// A user agent that a spreadsheet would run as a formula is defused.
		assertThat(lines.get(1)).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
		assertThat(lines.get(4)).startsWith("2020-03-01T09:00:00Z,");
		assertThat(exportsBy(this.collegeAdmin)).isEqualTo(before + 1);
		String recorded = this.jdbc.sql("SELECT after_state FROM audit_logs WHERE user_id = :u AND action = 'AUDIT_EXPORTED' "
				+ "ORDER BY id DESC LIMIT 1")
			.param("u", this.collegeAdmin.id())
			.query(String.class)
			.single();
		assertThat(recorded).contains("\"entity\":\"" + this.entity + "\"", "\"limit\":100000");
		Long institution = this.jdbc.sql("SELECT institution_id FROM audit_logs WHERE user_id = :u AND action = 'AUDIT_EXPORTED' "
				+ "ORDER BY id DESC LIMIT 1")
			.param("u", this.collegeAdmin.id())
			.query(Long.class)
			.single();
		assertThat(institution).isEqualTo(this.collegeAdmin.institutionId());
	}

	@Test
	void exportWalksBatchesWithoutLosingOrRepeatingRows() throws Exception {
		String bulk = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDateTime at = LocalDateTime.of(2021, 6, 1, 12, 0);
		List<Object[]> rows = new ArrayList<>();
		int total = AuditLog.EXPORT_BATCH + 234;
		for (int i = 0; i < total; i++) {
			// Pairs of rows share a timestamp, so the batch boundary falls inside a tie.
			rows.add(new Object[] { this.actor.id(), this.actor.institutionId(), bulk, String.valueOf(i), at.plusSeconds(i / 2) });
		}
		new JdbcTemplate(this.dataSource).batchUpdate("INSERT INTO audit_logs (user_id, institution_id, action, entity, entity_id, created_at) "
					+ "VALUES (?, ?, 'BULK', ?, ?, ?)", rows);

		String csv = this.mvc
			.perform(get("/api/v1/audit-logs/export").param("entity", bulk).with(as(this.college.anAdmin().create(this.jdbc))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> lines = csv.lines().skip(1).toList();
		assertThat(lines).hasSize(total);
		Set<String> ids = new HashSet<>();
		lines.forEach(line -> ids.add(line.split(",")[6]));
		assertThat(ids).hasSize(total);
		assertThat(lines.get(0)).contains("," + (total - 1) + ",");
	}

	@Test
	void timesAreStoredInUtc() throws Exception {
		LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(5);
		this.mvc.perform(get("/admin/audit/export.csv").param("entity", this.entity).with(as(this.companyAdmin)))
			.andExpect(status().isOk());
		LocalDateTime recorded = this.jdbc
			.sql("SELECT created_at FROM audit_logs WHERE user_id = :u AND action = 'AUDIT_EXPORTED' ORDER BY id DESC LIMIT 1")
			.param("u", this.companyAdmin.id())
			.query(LocalDateTime.class)
			.single();
		assertThat(recorded).isBetween(before, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(5));
	}

}
