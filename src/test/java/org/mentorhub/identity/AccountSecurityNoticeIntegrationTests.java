package org.mentorhub.identity;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link AccountSecurityNotice}: one event per security-relevant step of an account, for its owner, with
 * the kind of step and never a password, token or address; none for a refused step.
 */
@MentorHubIntegrationTest
class AccountSecurityNoticeIntegrationTests {

	static final String PASSWORD = "quiet harbour lantern 42";

	static final String NEW_PASSWORD = "amber meadow violin sunrise";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Cookie session, String body) {
		return request.cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	List<SecurityNoticeKind> kinds(CapturedEvents<AccountSecurityNotice> events, long userId) {
		return events.matching(e -> e.userId() == userId).stream().map(AccountSecurityNotice::kind).toList();
	}

	@Test
	void theOwnersOwnStepsAreEachNoticedOnce() throws Exception {
		String code = Accounts.anInstitution().withSecurityQuestion().create(this.jdbc);
		String email = Accounts.anAccount().in(code).create(this.jdbc);
		long id = Accounts.userId(this.jdbc, email);
		String newEmail = "moved-" + Accounts.unique() + "@example.org";
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);
		try (CapturedEvents<AccountSecurityNotice> events = CapturedEvents.of(this.context, AccountSecurityNotice.class)) {
			// Refused: a wrong current password changes nothing and tells nobody.
			this.mvc.perform(json(put("/api/v1/account/password"), session,
					"{\"currentPassword\":\"wrong\",\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
				.andExpect(status().isBadRequest());
			assertThat(kinds(events, id)).isEmpty();

			this.mvc.perform(json(put("/api/v1/account/password"), session,
					"{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
				.andExpect(status().isNoContent());
			this.mvc.perform(json(put("/api/v1/account/security-question"), session,
					"{\"question\":\"Name of my first pet?\",\"answer\":\"Rex the Dog\",\"currentPassword\":\"" + NEW_PASSWORD
							+ "\"}"))
				.andExpect(status().is2xxSuccessful());
			String created = this.mvc.perform(json(post("/api/v1/account/tokens"), session,
					"{\"name\":\"Script\",\"scopes\":[\"read\"],\"expiresInDays\":5}"))
				.andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
			long tokenId = com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class);
			String secret = com.jayway.jsonpath.JsonPath.parse(created).read("$.token", String.class);
			this.mvc.perform(delete("/api/v1/account/tokens/" + tokenId).cookie(session).with(csrf()))
				.andExpect(status().isNoContent());
			this.mvc.perform(delete("/api/v1/account/tokens/" + tokenId).cookie(session).with(csrf()))
				.andExpect(status().isNoContent());
			this.mvc.perform(json(post("/api/v1/account/email-change-requests"), session,
					"{\"newEmail\":\"" + newEmail + "\",\"currentPassword\":\"" + NEW_PASSWORD + "\"}"))
				.andExpect(status().isAccepted());
			String link = Accounts.tokenMailedTo(this.jdbc, newEmail, "/account/email/confirm");
			this.mvc.perform(post("/api/v1/account/email-changes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\":\"" + link + "\"}"))
				.andExpect(status().is2xxSuccessful());

			assertThat(kinds(events, id)).containsExactly(SecurityNoticeKind.PASSWORD_CHANGED,
					SecurityNoticeKind.SECURITY_QUESTION_CHANGED, SecurityNoticeKind.ACCESS_TOKEN_CREATED,
					SecurityNoticeKind.ACCESS_TOKEN_REVOKED, SecurityNoticeKind.EMAIL_CHANGE_REQUESTED,
					SecurityNoticeKind.EMAIL_CHANGED);
			assertThat(events.matching(e -> e.userId() == id)).allSatisfy(e -> {
				assertThat(e.occurredAt()).isNotNull();
				assertThat(e.toString()).doesNotContain(NEW_PASSWORD, secret, link, newEmail, email, "Rex");
			});
		}
	}

	@Test
	void aPasswordResetIsNoticed() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		long id = Accounts.userId(this.jdbc, email);
		try (CapturedEvents<AccountSecurityNotice> events = CapturedEvents.of(this.context, AccountSecurityNotice.class)) {
			this.mvc.perform(post("/api/v1/account/password-reset-requests").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\"}"));
			String token = Accounts.tokenMailedTo(this.jdbc, email, "/account/reset-password");
			this.mvc.perform(post("/api/v1/account/password-resets").contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}"))
				.andExpect(status().is2xxSuccessful());
			// The used link again: refused, nothing noticed.
			this.mvc.perform(post("/api/v1/account/password-resets").contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}"))
				.andExpect(status().isBadRequest());
			assertThat(kinds(events, id)).containsExactly(SecurityNoticeKind.PASSWORD_RESET);
		}
	}

	@Test
	void anAdministratorsChangesOfRolesAndStatusAreNoticedToThePerson() throws Exception {
		String code = Accounts.anInstitution().create(this.jdbc);
		String admin = Accounts.anAccount().in(code).withRole("ADMIN").create(this.jdbc);
		String email = Accounts.anAccount().in(code).create(this.jdbc);
		long id = Accounts.userId(this.jdbc, email);
		Cookie session = Accounts.signIn(this.mvc, admin, PASSWORD);
		try (CapturedEvents<AccountSecurityNotice> events = CapturedEvents.of(this.context, AccountSecurityNotice.class)) {
			this.mvc.perform(json(patch("/api/v1/users/" + id), session, "{\"roles\":[\"MENTOR\"],\"primaryRole\":\"MENTOR\"}"))
				.andExpect(status().isOk());
			// The same roles again: nothing changed, nothing noticed.
			this.mvc.perform(json(patch("/api/v1/users/" + id), session, "{\"roles\":[\"MENTOR\"],\"primaryRole\":\"MENTOR\"}"))
				.andExpect(status().isOk());
			this.mvc.perform(post("/api/v1/users/" + id + "/disable").cookie(session).with(csrf()))
				.andExpect(status().isOk());
			this.mvc.perform(post("/api/v1/users/" + id + "/enable").cookie(session).with(csrf()))
				.andExpect(status().isOk());
			assertThat(kinds(events, id)).containsExactly(SecurityNoticeKind.ROLES_CHANGED,
					SecurityNoticeKind.ACCOUNT_DISABLED, SecurityNoticeKind.ACCOUNT_ENABLED);
			assertThat(kinds(events, Accounts.userId(this.jdbc, admin))).isEmpty();
		}
	}

	@Test
	void aSignInLockoutIsNoticedOnce() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		long id = Accounts.userId(this.jdbc, email);
		String ip = Accounts.randomIp();
		try (CapturedEvents<AccountSecurityNotice> events = CapturedEvents.of(this.context, AccountSecurityNotice.class)) {
			for (int i = 0; i < 7; i++) {
				this.mvc.perform(post("/login").param("username", email).param("password", "wrong " + i).with(csrf())
					.with(request -> {
						request.setRemoteAddr(ip);
						return request;
					}))
					.andExpect(unauthenticated());
			}
			assertThat(kinds(events, id)).containsExactly(SecurityNoticeKind.ACCOUNT_LOCKED);
		}
	}

}
