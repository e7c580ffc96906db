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
	void aBinaryAttachmentIsKeptBase64EncodedAndNamedButNotShown() throws Exception {
		byte[] pdf = "%PDF-1.7 planted bytes \u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.mailer.send("outbox-binary@mentorhub.test", "Binary check", "invitation",
				Map.of("name", "Bina Ry", "institution", "Test University", "token", "tok-binary", "days", 7),
				List.of(Mailer.Attachment.ofBytes("board.pdf", "application/pdf", pdf),
						new Mailer.Attachment("invite.ics", "text/calendar; charset=UTF-8", "BEGIN:VCALENDAR")));
		long id = this.jdbc.sql("SELECT MAX(id) FROM outbox_mails WHERE recipient = 'outbox-binary@mentorhub.test'")
			.query(Long.class)
			.single();
		String stored = this.jdbc.sql("SELECT content FROM outbox_mail_attachments WHERE mail_id = :id AND filename = 'board.pdf'")
			.param("id", id).query(String.class).single();
		org.assertj.core.api.Assertions.assertThat(java.util.Base64.getMimeDecoder().decode(stored)).isEqualTo(pdf);

		this.mvc.perform(get("/platform/outbox/" + id).with(user(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("board.pdf")))
			.andExpect(content().string(containsString("A binary file, kept here Base64-encoded")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(stored.substring(0, 12)))))
			.andExpect(content().string(containsString("BEGIN:VCALENDAR")));
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
