package org.mentorhub.platform.api;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.session.SessionNotesFixtures;
import org.mentorhub.session.SessionNotesFixtures.Pair;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The creations that answered 201 without a {@code Location} now name the new record, as the
 * OpenAPI contract says for every 201 (docs/api.md).
 */
@MentorHubIntegrationTest
class CreationLocationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	String created(Account account, String uri, String json) throws Exception {
		return this.mvc
			.perform(post(uri).with(as(account)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	long id(String table, String where, Object value) {
		return this.jdbc.sql("SELECT MAX(id) FROM " + table + " WHERE " + where + " = :v")
			.param("v", value)
			.query(Long.class)
			.single();
	}

	@Test
	void everyCreationNamesItsRecord() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Pair pair = SessionNotesFixtures.pair(this.jdbc, college.code(), "CS", "COMPLETED");

		String email = "located-" + college.code().toLowerCase() + "@example.org";
		String invited = created(admin, "/api/v1/users/invitations",
				"{\"email\":\"" + email + "\",\"fullName\":\"Located Invitee\",\"roles\":[\"MENTEE\"]}");
		assertThat(invited).isEqualTo("/api/v1/users/" + id("users", "email", email));

		String token = created(pair.mentor(), "/api/v1/account/tokens", "{\"name\":\"located\",\"scopes\":[\"read\"]}");
		assertThat(token).isEqualTo("/api/v1/account/tokens/" + id("personal_access_tokens", "user_id", pair.mentor().id()));

		assertThat(created(pair.mentor(), "/api/v1/calendar/feed", "{}")).isEqualTo("/api/v1/calendar/feed");

		assertThat(created(pair.mentee(), "/api/v1/sessions/" + pair.sessionId() + "/feedback", "{\"rating\":5}"))
			.isEqualTo("/api/v1/sessions/" + pair.sessionId() + "/feedback");
	}

}
