package org.mentorhub.privacy.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consent register (issue 22 part 6): the support chat's consent reaches the register through wellbeing's
 * event, and withdrawing it in the register makes wellbeing withdraw it and delete her history; the directory
 * listing is withdrawn the same way through profile. Unknown kinds are 400, consents never given 404, and each
 * person sees and withdraws only their own.
 */
@MentorHubIntegrationTest
class ConsentRegisterIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	TestInstitution company;

	Account mother;

	@BeforeEach
	void aNewMother() {
		this.company = TestInstitutions.aCompany().build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.get()) {
			assertThat(Instant.now()).as(what).isBefore(deadline);
			Thread.sleep(50);
		}
	}

	boolean registered(Account account, String kind, boolean active) {
		return this.jdbc.sql("SELECT COUNT(*) FROM privacy_consents WHERE user_id = ? AND kind = ? AND "
				+ (active ? "withdrawn_at IS NULL" : "withdrawn_at IS NOT NULL"))
			.param(account.id())
			.param(kind)
			.query(Integer.class)
			.single() == 1;
	}

	@Test
	void theSupportChatConsentIsRegisteredAndWithdrawingItThereDeletesHerHistory() throws Exception {
		this.mvc.perform(put("/api/v1/support-chat/consent").with(as(this.mother)).with(csrf()))
			.andExpect(status().is2xxSuccessful());
		await("the register hears of the consent", () -> registered(this.mother, "SUPPORT_CHAT", true));
		this.jdbc.sql("INSERT INTO support_chat_messages (user_id, message, is_from_user, created_at) VALUES (?, 'x', TRUE, ?)")
			.param(this.mother.id())
			.param(LocalDateTime.now(ZoneOffset.UTC))
			.update();
		this.mvc.perform(get("/api/v1/privacy/consents").with(as(this.mother)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'SUPPORT_CHAT')].active").value(true))
			.andExpect(jsonPath("$[?(@.kind == 'SUPPORT_CHAT')].textVersion").value("support-chat-v1"));

		this.mvc.perform(delete("/api/v1/privacy/consents/{kind}", "support_chat").with(as(this.mother)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.withdrawnAt").isNotEmpty());
		await("wellbeing withdraws the consent", () -> this.jdbc
			.sql("SELECT COUNT(*) FROM support_chat_consents WHERE user_id = ? AND withdrawn_at IS NOT NULL")
			.param(this.mother.id()).query(Integer.class).single() == 1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM support_chat_messages WHERE user_id = ?").param(this.mother.id())
			.query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE user_id = ? AND action = 'CONSENT_WITHDRAWN'")
			.param(this.mother.id()).query(Integer.class).single()).isEqualTo(1);
		// Withdrawing again changes nothing.
		this.mvc.perform(delete("/api/v1/privacy/consents/SUPPORT_CHAT").with(as(this.mother)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		// Consenting again on the chat's page shows in the register again.
		this.mvc.perform(put("/api/v1/support-chat/consent").with(as(this.mother)).with(csrf()))
			.andExpect(status().is2xxSuccessful());
		await("the register hears of the new consent", () -> registered(this.mother, "SUPPORT_CHAT", true));
	}

	@Test
	void withdrawingTheDirectoryListingTakesTheProfileOutOfTheDirectory() throws Exception {
		Account member = this.company.aMentee().create(this.jdbc);
		this.jdbc.sql("DELETE FROM user_profiles WHERE user_id = ?").param(member.id()).update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, visibility) VALUES (?, 'INSTITUTION')").param(member.id()).update();
		this.jdbc.sql("""
				INSERT INTO privacy_consents (user_id, kind, given_at, text_version)
				VALUES (?, 'DIRECTORY_VISIBILITY', ?, 'directory-v1')""")
			.param(member.id())
			.param(LocalDateTime.now(ZoneOffset.UTC))
			.update();
		this.mvc.perform(get("/account/privacy").with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"withdraw-DIRECTORY_VISIBILITY\"")));
		this.mvc.perform(post("/account/privacy/consents/{kind}/withdraw", "DIRECTORY_VISIBILITY").with(as(member)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account/privacy?withdrawn#consents"));
		await("profile leaves the directory", () -> "MENTORSHIPS".equals(this.jdbc
			.sql("SELECT visibility FROM user_profiles WHERE user_id = ?").param(member.id()).query(String.class).single()));
		assertThat(registered(member, "DIRECTORY_VISIBILITY", false)).isTrue();
	}

	@Test
	void changingTheProfilesVisibilityKeepsTheRegisterInStep() throws Exception {
		Account member = this.company.aMentee().create(this.jdbc);
		this.mvc.perform(put("/api/v1/profiles/me").with(as(member)).with(csrf())
				.contentType("application/json").content("{\"visibility\":\"PRIVATE\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(put("/api/v1/profiles/me").with(as(member)).with(csrf())
				.contentType("application/json").content("{\"visibility\":\"INSTITUTION\"}"))
			.andExpect(status().isOk());
		await("the register hears of the listing", () -> registered(member, "DIRECTORY_VISIBILITY", true));
		this.mvc.perform(put("/api/v1/profiles/me").with(as(member)).with(csrf())
				.contentType("application/json").content("{\"visibility\":\"MENTORSHIPS\"}"))
			.andExpect(status().isOk());
		await("the register hears of the withdrawal", () -> registered(member, "DIRECTORY_VISIBILITY", false));
	}

	@Test
	void unknownKindsAreBadRequestsAndConsentsNeverGivenAreNotFound() throws Exception {
		this.mvc.perform(delete("/api/v1/privacy/consents/{kind}", "MARKETING").with(as(this.mother)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		this.mvc.perform(delete("/api/v1/privacy/consents/{kind}", "DIRECTORY_VISIBILITY").with(as(this.mother)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/privacy/consents").with(as(this.mother)))
			.andExpect(jsonPath("$[?(@.kind == 'DIRECTORY_VISIBILITY')].givenAt").value(org.hamcrest.Matchers.contains((Object) null)));
	}

	@Test
	void onePersonsWithdrawalLeavesAnothersConsent() throws Exception {
		Account other = this.company.a(RoleName.NEW_MOTHER).create(this.jdbc);
		for (Account account : new Account[] { this.mother, other }) {
			this.mvc.perform(put("/api/v1/support-chat/consent").with(as(account)).with(csrf()))
				.andExpect(status().is2xxSuccessful());
			await("registered", () -> registered(account, "SUPPORT_CHAT", true));
		}
		this.mvc.perform(delete("/api/v1/privacy/consents/SUPPORT_CHAT").with(as(this.mother)).with(csrf()))
			.andExpect(status().isOk());
		assertThat(registered(other, "SUPPORT_CHAT", true)).isTrue();
		this.mvc.perform(get("/api/v1/privacy/consents").with(as(other)))
			.andExpect(jsonPath("$[?(@.kind == 'SUPPORT_CHAT')].active").value(true));
	}

}
