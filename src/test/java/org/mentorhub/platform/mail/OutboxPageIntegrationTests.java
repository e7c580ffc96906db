package org.mentorhub.platform.mail;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.platform.Mailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
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

	@Test
	void withoutSmtpMailLandsInTheOutboxThatOnlyThePlatformAdministratorReads() throws Exception {
		this.mailer.send("outbox-test@northbridge.demo", "Outbox check", "invitation",
				Map.of("name", "Olly Outbox", "institution", "Northbridge University", "token", "tok-outbox", "days", 7));
		long id = this.jdbc.sql("SELECT MAX(id) FROM outbox_mails WHERE recipient = 'outbox-test@northbridge.demo'")
			.query(Long.class)
			.single();

		this.mvc.perform(get("/platform/outbox").with(user(this.users.loadUserByUsername("platform@mentorhub.demo"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Outbox check")));
		this.mvc.perform(get("/platform/outbox/" + id).with(user(this.users.loadUserByUsername("platform@mentorhub.demo"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/account/activate?token=tok-outbox")));
	}

	@Test
	void institutionAdministratorsAndOthersCannotReadTheOutbox() throws Exception {
		for (String login : new String[] { "admin@northbridge.demo", "student@northbridge.demo" }) {
			this.mvc.perform(get("/platform/outbox").with(user(this.users.loadUserByUsername(login))))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void anUnknownMessageIsNotFound() throws Exception {
		this.mvc.perform(get("/platform/outbox/999999999").with(user(this.users.loadUserByUsername("platform@mentorhub.demo"))))
			.andExpect(status().isNotFound());
	}

}
