package org.mentorhub.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The support pages and API lists take a fixed number of SQL statements whatever the data: the queue (one
 * count with the averages, one page of issues with both names joined), the issue page (the issue, its
 * thread with names joined, its files) and the reporter's list do not grow when issues, messages,
 * reporters and files multiply.
 */
@MentorHubIntegrationTest
class SupportQueriesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theQueueTheIssuePageAndTheListsTakeAFixedNumberOfStatements() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").create(this.jdbc);
		long issue = SupportFixtures.issue(this.jdbc, mentee.id(), "Watched issue", "IN_PROGRESS", admin.id(),
				java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
		grow(college, admin, mentee, issue, 2);
		Map<String, Long> before = countAll(admin, mentee, issue);
		grow(college, admin, mentee, issue, 6);
		Map<String, Long> after = countAll(admin, mentee, issue);
		assertThat(after).as("statements per request before and after the data grew").isEqualTo(before);
		assertThat(after.values()).allMatch(count -> count <= 20);
	}

	private void grow(TestInstitution college, Account admin, Account mentee, long issue, int times) {
		for (int i = 0; i < times; i++) {
			Account reporter = college.aStudent().inDepartment("CS").create(this.jdbc);
			long other = SupportFixtures.issue(this.jdbc, reporter.id(), "Other " + i, "OPEN", admin.id(),
					java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
			SupportFixtures.issue(this.jdbc, mentee.id(), "Mine " + i);
			SupportFixtures.message(this.jdbc, other, reporter.id(), "Hello " + i, false);
			SupportFixtures.message(this.jdbc, issue, mentee.id(), "More " + i, false);
			SupportFixtures.message(this.jdbc, issue, admin.id(), "Answer " + i, false);
			SupportFixtures.message(this.jdbc, issue, admin.id(), "Note " + i, true);
			this.jdbc.sql("""
					INSERT INTO attachments (institution_id, related_type, related_id, owner_id, file_name, mime_type,
					                         size_bytes, storage_path, sha256, created_at)
					VALUES (:inst, 'ISSUE', :issue, :owner, :name, 'image/png', 10, :path, :sha, CURRENT_TIMESTAMP)""")
				.param("inst", college.id())
				.param("issue", issue)
				.param("owner", mentee.id())
				.param("name", "shot-" + i + ".png")
				.param("path", "ab/" + java.util.UUID.randomUUID().toString().replace("-", "") + ".png")
				.param("sha", "0".repeat(64))
				.update();
		}
	}

	private Map<String, Long> countAll(Account admin, Account mentee, long issue) throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Map.Entry<String, Account> request : Map.of("/support/queue?status=all", admin,
				"/api/v1/support/issues/queue?status=all", admin, "/support/" + issue, admin,
				"/api/v1/support/issues/" + issue, admin, "/support", mentee, "/api/v1/support/issues", mentee,
				"/support/" + issue + "#reporter", mentee).entrySet()) {
			String uri = request.getKey().replace("#reporter", "");
			UserDetails caller = this.users.loadUserByUsername(request.getValue().email());
			this.mvc.perform(get(uri).with(user(caller))).andExpect(status().isOk());
			counts.put(request.getKey(),
					StatementCounter.count(() -> this.mvc.perform(get(uri).with(user(caller))).andExpect(status().isOk())));
		}
		return counts;
	}

}
