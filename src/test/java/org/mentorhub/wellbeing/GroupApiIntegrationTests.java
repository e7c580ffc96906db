package org.mentorhub.wellbeing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.AbuseReported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Support groups: creation by administrators, join and leave with a true member count, private groups
 * with pending requests, moderators appointed by administrators who remove posts (a tombstone stays),
 * reports, opt-in notification events, another institution's group as 404, and bad input.
 */
@MentorHubIntegrationTest
class GroupApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	TestInstitution company;

	Account mother;

	Account other;

	Account admin;

	long group;

	@BeforeEach
	void setUp() {
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		this.other = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		this.admin = this.company.anAdmin().create(this.jdbc);
		this.group = WellbeingFixtures.group(this.jdbc, this.company.id(), "Returners", false);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions call(Account caller, String path, String json) throws Exception {
		return this.mvc.perform(post(path).with(as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).content(json == null ? "" : json));
	}

	long memberCount(long group) {
		return this.jdbc.sql("SELECT member_count FROM support_groups WHERE id = :g").param("g", group).query(Long.class)
			.single();
	}

	long posts(long group) {
		return this.jdbc.sql("SELECT COUNT(*) FROM group_posts WHERE group_id = :g").param("g", group).query(Long.class)
			.single();
	}

	@Test
	void anAdministratorCreatesAGroupOthersMayNot() throws Exception {
		call(this.admin, "/api/v1/groups", "{\"name\":\"Expecting parents\",\"description\":\"Plan together\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.memberCount").value(0));
		call(this.admin, "/api/v1/groups", "{\"name\":\"Expecting parents\"}").andExpect(status().isBadRequest());
		call(this.admin, "/api/v1/groups", "{\"name\":\"\"}").andExpect(status().isBadRequest());
		call(this.mother, "/api/v1/groups", "{\"name\":\"Mine\"}").andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM support_groups WHERE institution_id = :i")
			.param("i", this.company.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void joiningAndLeavingKeepTheCountTrueAndTwiceChangesNothing() throws Exception {
		call(this.mother, "/api/v1/groups/" + this.group + "/join", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.myStatus").value("ACTIVE"));
		call(this.mother, "/api/v1/groups/" + this.group + "/join", null).andExpect(status().isOk());
		call(this.other, "/api/v1/groups/" + this.group + "/join", null).andExpect(status().isOk());
		assertThat(memberCount(this.group)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT last_active_at FROM support_groups WHERE id = :g").param("g", this.group)
			.query(Object.class).single()).isNotNull();
		call(this.other, "/api/v1/groups/" + this.group + "/leave", null).andExpect(status().isOk());
		call(this.other, "/api/v1/groups/" + this.group + "/leave", null).andExpect(status().isOk());
		assertThat(memberCount(this.group)).isEqualTo(1);
	}

	@Test
	void aPrivateGroupNeedsAModeratorsApproval() throws Exception {
		long secret = WellbeingFixtures.group(this.jdbc, this.company.id(), "Private circle", true);
		WellbeingFixtures.member(this.jdbc, secret, this.other.id(), "MODERATOR");
		try (CapturedEvents<GroupJoinRequested> requests = CapturedEvents.of(this.context, GroupJoinRequested.class)) {
			call(this.mother, "/api/v1/groups/" + secret + "/join", null).andExpect(jsonPath("$.myStatus").value("PENDING"));
			assertThat(requests.matching(e -> e.groupId() == secret)).singleElement()
				.satisfies(e -> assertThat(e.deciderIds()).containsExactly(this.other.id()));
		}
		assertThat(memberCount(secret)).isEqualTo(1);
		// A pending member cannot read or post.
		call(this.mother, "/api/v1/groups/" + secret + "/posts", "{\"body\":\"Hello\"}").andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/groups/" + secret).with(as(this.mother)).accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.posts.length()").value(0));
		// A plain member cannot approve; the moderator can.
		Account third = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		WellbeingFixtures.member(this.jdbc, secret, third.id(), "MEMBER");
		call(third, "/api/v1/groups/" + secret + "/members/" + this.mother.id() + "/approve", null)
			.andExpect(status().isForbidden());
		call(this.other, "/api/v1/groups/" + secret + "/members/" + this.mother.id() + "/approve", null)
			.andExpect(status().isNoContent());
		assertThat(memberCount(secret)).isEqualTo(3);
		call(this.mother, "/api/v1/groups/" + secret + "/posts", "{\"body\":\"Hello\"}").andExpect(status().isCreated());
	}

	@Test
	void moderatorsAppointedByAdministratorsRemovePostsLeavingATombstone() throws Exception {
		WellbeingFixtures.member(this.jdbc, this.group, this.mother.id(), "MEMBER");
		WellbeingFixtures.member(this.jdbc, this.group, this.other.id(), "MEMBER");
		long post = WellbeingFixtures.post(this.jdbc, this.group, this.mother.id(), "Rude words");
		call(this.other, "/api/v1/groups/" + this.group + "/posts/" + post + "/remove", null).andExpect(status().isForbidden());
		call(this.other, "/api/v1/groups/" + this.group + "/posts/" + post + "/report", "{\"reason\":\"Unkind\"}")
			.andExpect(status().isAccepted());
		this.mvc.perform(put("/api/v1/groups/" + this.group + "/members/" + this.other.id() + "/role").with(as(this.mother))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"moderator\":true}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/groups/" + this.group + "/members/" + this.other.id() + "/role").with(as(this.admin))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"moderator\":true}"))
			.andExpect(status().isNoContent());
		call(this.other, "/api/v1/groups/" + this.group + "/posts/" + post + "/remove", null).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/groups/" + this.group).with(as(this.mother)).accept(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.posts[0].removed").value(true))
			.andExpect(content().string(not(containsString("Rude words"))));
		this.mvc.perform(get("/groups/" + this.group).with(as(this.mother)))
			.andExpect(content().string(containsString("removed by a moderator")));
	}

	@Test
	void aReportQuotesOnlyThePost() throws Exception {
		WellbeingFixtures.member(this.jdbc, this.group, this.mother.id(), "MEMBER");
		WellbeingFixtures.member(this.jdbc, this.group, this.other.id(), "MEMBER");
		WellbeingFixtures.post(this.jdbc, this.group, this.mother.id(), "Another post");
		long post = WellbeingFixtures.post(this.jdbc, this.group, this.mother.id(), "Reported text");
		try (CapturedEvents<AbuseReported> reports = CapturedEvents.of(this.context, AbuseReported.class)) {
			this.mvc.perform(post("/groups/" + this.group + "/posts/" + post + "/report").with(as(this.other)).with(csrf())
				.param("reason", "Hurtful")).andExpect(status().is3xxRedirection());
			assertThat(reports.matching(e -> e.itemId() == post)).singleElement().satisfies(e -> {
				assertThat(e.itemKind()).isEqualTo("GROUP_POST");
				assertThat(e.quotedText()).isEqualTo("Reported text");
				assertThat(e.reportedUserId()).isEqualTo(this.mother.id());
				assertThat(e.institutionId()).isEqualTo(this.company.id());
			});
		}
	}

	@Test
	void newPostsReachOnlyTheMembersWhoOptedIn() throws Exception {
		Account quiet = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		WellbeingFixtures.member(this.jdbc, this.group, this.mother.id(), "MEMBER");
		WellbeingFixtures.member(this.jdbc, this.group, this.other.id(), "MEMBER");
		WellbeingFixtures.member(this.jdbc, this.group, quiet.id(), "MEMBER");
		this.mvc.perform(put("/api/v1/groups/" + this.group + "/notify").with(as(this.other)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"notifyPosts\":true}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.notifyPosts").value(true));
		try (CapturedEvents<GroupPostPublished> published = CapturedEvents.of(this.context, GroupPostPublished.class)) {
			call(this.mother, "/api/v1/groups/" + this.group + "/posts", "{\"body\":\"Anyone else tired?\"}")
				.andExpect(status().isCreated());
			assertThat(published.matching(e -> e.groupId() == this.group)).singleElement()
				.satisfies(e -> assertThat(e.recipientIds()).containsExactly(this.other.id()));
		}
	}

	@Test
	void badInputAndTheWrongPersonAreRefusedWithNothingWritten() throws Exception {
		// Not a member: 403 and nothing written.
		call(this.mother, "/api/v1/groups/" + this.group + "/posts", "{\"body\":\"Hello\"}")
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/groups/" + this.group + "/posts").with(as(this.mother)).with(csrf()).param("body", "Hi"))
			.andExpect(status().isForbidden());
		WellbeingFixtures.member(this.jdbc, this.group, this.mother.id(), "MEMBER");
		// Empty and too long posts: 400.
		call(this.mother, "/api/v1/groups/" + this.group + "/posts", "{\"body\":\"   \"}")
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Write something first")));
		this.mvc.perform(post("/groups/" + this.group + "/posts").with(as(this.mother)).with(csrf()).param("body", ""))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Write something first")));
		call(this.mother, "/api/v1/groups/" + this.group + "/posts", "{\"body\":\"" + "x".repeat(5001) + "\"}")
			.andExpect(status().isBadRequest());
		call(this.mother, "/api/v1/groups/" + this.group + "/posts", "{\"body\":\"Reply\",\"parentId\":999999999}")
			.andExpect(status().isBadRequest());
		assertThat(posts(this.group)).isZero();
		// Another institution's group: 404 for everything.
		TestInstitution elsewhere = aCompany().withDepartment("OPS").build(this.jdbc);
		long foreign = WellbeingFixtures.group(this.jdbc, elsewhere.id(), "Foreign", false);
		call(this.mother, "/api/v1/groups/" + foreign + "/join", null).andExpect(status().isNotFound());
		this.mvc.perform(post("/groups/" + foreign + "/join").with(as(this.mother)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/groups/" + foreign).with(as(this.admin))).andExpect(status().isNotFound());
		assertThat(memberCount(foreign)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM group_memberships WHERE group_id = :g").param("g", foreign)
			.query(Long.class).single()).isZero();
	}

	@Test
	void storedScriptInPostsIsInert() throws Exception {
		WellbeingFixtures.member(this.jdbc, this.group, this.mother.id(), "MEMBER");
		String payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
		this.mvc.perform(post("/groups/" + this.group + "/posts").with(as(this.mother)).with(csrf()).param("body", payload))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/groups/" + this.group).with(as(this.mother)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(payload))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
	}

}
