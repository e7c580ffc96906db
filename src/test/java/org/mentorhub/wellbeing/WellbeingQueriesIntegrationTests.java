package org.mentorhub.wellbeing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The timeline, the mentor's shared milestones, the group list and a group page take a fixed number of
 * statements whatever the number of milestones, groups, members, posts and replies (StatementCounter).
 */
@MentorHubIntegrationTest
class WellbeingQueriesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long count(Account caller, String uri) throws Exception {
		var details = this.users.loadUserByUsername(caller.email());
		return StatementCounter.count(() -> this.mvc
			.perform(get(uri).with(user(details)).accept(uri.startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML))
			.andExpect(status().isOk()));
	}

	@Test
	void timelineAndGroupPagesTakeAFixedNumberOfStatements() throws Exception {
		TestInstitution company = aCompany().withDepartment("ENGR").build(this.jdbc);
		Account mother = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		Account mentor = company.aMentor().inDepartment("ENGR").create(this.jdbc);
		TestMentorships.plant(this.jdbc, mentor, mother, "ACTIVE");
		long group = WellbeingFixtures.group(this.jdbc, company.id(), "Group 0", false);
		WellbeingFixtures.member(this.jdbc, group, mother.id(), "MODERATOR");
		String[] uris = { "/milestones", "/api/v1/milestones", "/api/v1/milestones/shared", "/groups", "/api/v1/groups",
				"/groups/" + group, "/api/v1/groups/" + group };
		grow(company, mother, group, 1);
		long[] small = new long[uris.length];
		for (int i = 0; i < uris.length; i++) {
			small[i] = count(uris[i].contains("shared") ? mentor : mother, uris[i]);
		}
		grow(company, mother, group, 6);
		for (int i = 0; i < uris.length; i++) {
			long large = count(uris[i].contains("shared") ? mentor : mother, uris[i]);
			assertThat(large).as(uris[i]).isEqualTo(small[i]);
		}
	}

	private void grow(TestInstitution company, Account mother, long group, int n) {
		for (int i = 0; i < n; i++) {
			WellbeingFixtures.milestone(this.jdbc, mother.id(), "Past " + i, LocalDate.now().minusDays(i + 1), true);
			WellbeingFixtures.milestone(this.jdbc, mother.id(), "Future " + i, LocalDate.now().plusDays(i + 1), false);
			WellbeingFixtures.group(this.jdbc, company.id(), "Group " + TestInstitutionsNames.next(), i % 2 == 0);
			Account member = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
			WellbeingFixtures.member(this.jdbc, group, member.id(), "MEMBER");
			long post = WellbeingFixtures.post(this.jdbc, group, member.id(), "Post " + i);
			WellbeingFixtures.post(this.jdbc, group, mother.id(), "Another " + i);
			this.jdbc.sql("INSERT INTO group_posts (group_id, author_id, parent_id, body, created_at) VALUES (:g, :a, :p, 'Reply', CURRENT_TIMESTAMP)")
				.param("g", group).param("a", mother.id()).param("p", post).update();
		}
	}

	/** Unique group names across both rounds. */
	static final class TestInstitutionsNames {

		private static int n;

		static synchronized int next() {
			return ++n;
		}

	}

}
