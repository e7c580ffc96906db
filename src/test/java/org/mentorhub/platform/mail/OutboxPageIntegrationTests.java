package org.mentorhub.platform.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.Mailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MentorHubIntegrationTest
class OutboxPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	UserDetails platformAdmin() {
		return this.users.loadUserByUsername(TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc).email());
	}

	@Test
	void withoutSmtpMailLandsInTheOutboxThatOnlyThePlatformAdministratorReads() throws Exception {
		this.mailer.send("outbox-test@mentorhub.test", "Outbox check", "invitation",
				Map.of("name", "Olly Outbox", "institution", "Test University", "token", "tok-outbox", "days", 7));
		long id = this.jdbc.sql("SELECT MAX(id) FROM outbox_mails WHERE recipient = 'outbox-test@mentorhub.test'")
			.query(Long.class)
			.single();
		UserDetails platformAdmin = platformAdmin();

		this.mvc.perform(get("/platform/outbox").with(user(platformAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Outbox check")));
		this.mvc.perform(get("/platform/outbox/" + id).with(user(platformAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/account/activate?token=tok-outbox")));
	}

	@Test
	void institutionAdministratorsAndOthersCannotReadTheOutbox() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		for (Account account : List.of(college.anAdmin().create(this.jdbc),
				college.aStudent().inDepartment("CS").create(this.jdbc))) {
			this.mvc.perform(get("/platform/outbox").with(user(this.users.loadUserByUsername(account.email()))))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void anUnknownMessageIsNotFound() throws Exception {
		this.mvc.perform(get("/platform/outbox/999999999").with(user(platformAdmin())))
			.andExpect(status().isNotFound());
	}

}
