package org.mentorhub.mentorship;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My mentorships" and the request form say what fits the person: a mentor sees her mentees, not an
 * empty "My mentors"; a mentee who asks for a second mentor is told she has one.
 */
@MentorHubIntegrationTest
class MentorshipPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	String page(Account who, String uri) throws Exception {
		return this.mvc.perform(get(uri).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aMentorsPageShowsHerMenteesAndNoEmptyMyMentors() throws Exception {
		Account mentor = this.college.aMentor().inDepartment("CS").withMentorProfile(3).create(this.jdbc);
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long id = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");

		String page = page(mentor, "/mentorships");

		assertThat(page).contains("id=\"as-mentor\"").contains("href=\"/mentorships/" + id + "\"")
			.doesNotContain("id=\"as-mentee\"");
		Account newMentor = this.college.aMentor().inDepartment("CS").withMentorProfile(3).create(this.jdbc);
		assertThat(page(newMentor, "/mentorships")).contains("id=\"complete-profile\"").doesNotContain("id=\"as-mentee\"");
	}

	@Test
	void aMenteeWithoutAMentorIsOfferedToFindOne() throws Exception {
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);

		assertThat(page(mentee, "/mentorships")).contains("id=\"as-mentee\"")
			.contains("href=\"/mentorships/suggestions\"")
			.doesNotContain("id=\"as-mentor\"");
	}

	@Test
	void requestingASecondMentorWarnsThatSheHasOne() throws Exception {
		Account mentor = this.college.aMentor().inDepartment("CS").withMentorProfile(3).named("Warn Mentor").create(this.jdbc);
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		assertThat(page(mentee, "/mentorships/request")).doesNotContain("id=\"second-mentor\"");

		long id = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");

		String page = page(mentee, "/mentorships/request");
		assertThat(page).contains("id=\"second-mentor\"").contains("You already have a mentor: Warn Mentor.")
			.contains("href=\"/mentorships/" + id + "\"");
	}

	@Test
	void aMentorWhoIsAMenteeTooIsNotOfferedHerself() throws Exception {
		Account both = this.college.aMentor().inDepartment("CS").withMentorProfile(3).create(this.jdbc);
		TestAccounts.grant(this.jdbc, both, RoleName.MENTEE);
		Account other = this.college.aMentor().inDepartment("CS").withMentorProfile(3).create(this.jdbc);

		String page = page(both, "/mentorships/request");

		assertThat(page).contains("value=\"" + other.id() + "\"").doesNotContain("value=\"" + both.id() + "\"");
	}

}
