package org.mentorhub.privacy.retention;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention (issue 22 part 5): every provider's rules with their defaults; the one purge job removes
 * exactly the expired rows (read notifications past 180 days, direct messages past a period a platform
 * administrator set, the ZIPs of downloads ready for a day and the records of downloads finished 30 days ago,
 * which were a separate purge before), keeps the rest, records what it removed and is idempotent; periods are validated,
 * and only platform administrators change them.
 */
@MentorHubIntegrationTest
class RetentionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RetentionPurge purge;

	@Autowired
	RetentionSettings settings;

	TestInstitution college;

	Account admin;

	Account platformAdmin;

	Account person;

	Account other;

	@BeforeEach
	void setUp() {
		this.jdbc.sql("DELETE FROM privacy_retention_settings").update();
		this.college = TestInstitutions.aUniversity().build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.person = this.college.aMentor().create(this.jdbc);
		this.other = this.college.aStudent().create(this.jdbc);
		this.platformAdmin = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).in(null, null).create(this.jdbc);
	}

	@AfterEach
	void defaults() {
		this.jdbc.sql("DELETE FROM privacy_retention_settings").update();
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions change(Account caller, String key, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/privacy/retention/{key}", key).with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	static LocalDateTime daysAgo(int days) {
		return LocalDateTime.now(ZoneOffset.UTC).minusDays(days);
	}

	long notification(String title, int createdDaysAgo, Integer readDaysAgo) {
		this.jdbc.sql("""
				INSERT INTO notifications (user_id, type, title, body, read_at, created_at)
				VALUES (:u, 'SESSION_CONFIRMED', :t, 'Body', :read, :created)""")
			.param("u", this.person.id()).param("t", title)
			.param("read", readDaysAgo == null ? null : daysAgo(readDaysAgo))
			.param("created", daysAgo(createdDaysAgo))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM notifications WHERE user_id = :u").param("u", this.person.id())
			.query(Long.class).single();
	}

	void message(String text, int daysAgo) {
		this.jdbc.sql("INSERT INTO direct_messages (sender_id, receiver_id, message, created_at) VALUES (?, ?, ?, ?)")
			.params(this.person.id(), this.other.id(), text, daysAgo(daysAgo)).update();
	}

	/**
	 * A download of the person's data, asked for and (when not BUILDING) ready so many days ago; a READY one has
	 * its ZIP in the file store.
	 */
	void download(String status, int daysAgo) {
		this.jdbc.sql("""
				INSERT INTO privacy_exports (user_id, status, archive_key, created_at, ready_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(this.person.id(), status,
					"READY".equals(status) ? TestFiles.plantArchive(new byte[] { 1, 2, 3 }) : null, daysAgo(daysAgo),
					daysAgo(daysAgo), daysAgo(daysAgo - 1))
			.update();
	}

	/** A completed event publication, completed so many days ago; returns its id. */
	java.util.UUID event(int daysAgo) {
		java.util.UUID id = java.util.UUID.randomUUID();
		java.time.OffsetDateTime at = java.time.OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo);
		this.jdbc.sql("""
				INSERT INTO EVENT_PUBLICATION (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date)
				VALUES (?, 'test.listener', 'test.Event', '{}', ?, ?)""")
			.params(id, at, at)
			.update();
		return id;
	}

	long events(java.util.UUID... ids) {
		return this.jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE id IN (:ids)").param("ids", List.of(ids))
			.query(Long.class).single();
	}

	/** The person's downloads: their state, and "+zip" when the row keeps a key and the file store its ZIP. */
	List<String> downloads() {
		return this.jdbc.sql("SELECT status, archive_key FROM privacy_exports WHERE user_id = ? ORDER BY id")
			.param(this.person.id())
			.query((rs, n) -> rs.getString(1) + (rs.getString(2) == null ? ""
					: TestFiles.stored(rs.getString(2)) ? "+zip" : "+key-without-zip"))
			.list();
	}

	/** The keys of the ZIPs of the person's downloads, in order. */
	List<String> archiveKeys() {
		return this.jdbc.sql("SELECT archive_key FROM privacy_exports WHERE user_id = ? AND archive_key IS NOT NULL ORDER BY id")
			.param(this.person.id()).query(String.class).list();
	}

	List<String> titles() {
		return this.jdbc.sql("SELECT title FROM notifications WHERE user_id = ? ORDER BY id").param(this.person.id())
			.query(String.class).list();
	}

	List<String> messages() {
		return this.jdbc.sql("SELECT message FROM direct_messages WHERE sender_id = ? ORDER BY id").param(this.person.id())
			.query(String.class).list();
	}

	@Test
	void everyKindOfDataHasARuleWithItsDefault() {
		Map<String, RetentionSettings.Setting> byKey = new java.util.HashMap<>();
		this.settings.settingsInForce().forEach(setting -> byKey.put(setting.key(), setting));
		assertThat(byKey).containsKeys("support-chat", "read-notifications", "direct-messages", "audit",
				"ended-mentorships", "ended-mentorship-sessions");
		assertThat(byKey.get("support-chat").days()).isEqualTo(30);
		assertThat(byKey.get("read-notifications").days()).isEqualTo(180);
		assertThat(byKey.get("direct-messages").days()).isNull();
		assertThat(byKey.get("audit").days()).isEqualTo(7 * 365 + 2);
		assertThat(byKey.get("audit").enforced()).isFalse();
		assertThat(byKey.get("ended-mentorships").days()).isNull();
		assertThat(byKey.get("ended-mentorships").enforced()).isFalse();
		assertThat(byKey.get("data-export-zips").days()).isEqualTo(1);
		assertThat(byKey.get("data-export-records").days()).isEqualTo(30);
		assertThat(byKey.get("data-export-records").module()).isEqualTo("privacy");
		assertThat(byKey.get("completed-events").days()).isEqualTo(30);
	}

	@Test
	void thePurgeRemovesExactlyTheExpiredRowsRecordsItAndIsIdempotent() throws Exception {
		notification("read 200 days ago", 210, 200);
		notification("read 179 days ago", 190, 179);
		notification("unread for 400 days", 400, null);
		message("forty days old", 40);
		message("ten days old", 10);
		download("READY", 2);
		download("READY", 0);
		download("DOWNLOADED", 31);
		download("DOWNLOADED", 10);
		String expiredZip = archiveKeys().get(0);
		java.util.UUID oldEvent = event(31);
		java.util.UUID recentEvent = event(10);

		Map<String, Integer> first = this.purge.purge();
		// Completed event publications go after 30 days.
		assertThat(events(oldEvent)).isZero();
		assertThat(events(recentEvent)).isOne();
		assertThat(first.get("completed-events")).isGreaterThanOrEqualTo(1);
		// The ZIP ready two days ago goes (its record stays), the record of 31 days ago goes.
		assertThat(downloads()).containsExactly("EXPIRED", "READY+zip", "DOWNLOADED");
		assertThat(TestFiles.stored(expiredZip)).as("the expired ZIP is gone from the file store").isFalse();
		assertThat(first.get("data-export-zips")).isGreaterThanOrEqualTo(1);
		assertThat(first.get("data-export-records")).isGreaterThanOrEqualTo(1);
		assertThat(titles()).containsExactly("read 179 days ago", "unread for 400 days");
		assertThat(first.get("read-notifications")).isGreaterThanOrEqualTo(1);
		// Direct messages are kept for ever by default.
		assertThat(first).doesNotContainKey("direct-messages");
		assertThat(messages()).containsExactly("forty days old", "ten days old");

		change(this.platformAdmin, "direct-messages", "{\"days\":30}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days").value(30))
			.andExpect(jsonPath("$.changed").value(true));
		Map<String, Integer> second = this.purge.purge();
		assertThat(messages()).containsExactly("ten days old");
		assertThat(second.get("direct-messages")).isGreaterThanOrEqualTo(1);
		assertThat(second.get("read-notifications")).isZero();

		Map<String, Integer> third = this.purge.purge();
		assertThat(third.values()).containsOnly(0);
		assertThat(titles()).containsExactly("read 179 days ago", "unread for 400 days");
		assertThat(messages()).containsExactly("ten days old");
		assertThat(downloads()).containsExactly("EXPIRED", "READY+zip", "DOWNLOADED");
		assertThat(this.jdbc.sql("SELECT last_purged_rows FROM privacy_retention_settings WHERE rule_key = 'direct-messages'")
			.query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'PRIVACY_RETENTION_CHANGED' AND entity_id = 'direct-messages'")
			.query(Long.class).single()).isOne();

		// Back to "for ever": nothing more is removed.
		change(this.platformAdmin, "direct-messages", "{\"days\":null}").andExpect(status().isOk())
			.andExpect(jsonPath("$.days").doesNotExist());
		message("sixty days old", 60);
		this.purge.purge();
		assertThat(messages()).contains("sixty days old");
	}

	@Test
	void periodsAreValidatedAndOnlyPlatformAdministratorsChangeThem() throws Exception {
		change(this.platformAdmin, "read-notifications", "{\"days\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		change(this.platformAdmin, "read-notifications", "{\"days\":36501}").andExpect(status().isBadRequest());
		change(this.platformAdmin, "audit", "{\"days\":30}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("append-only")));
		change(this.platformAdmin, "no-such-rule", "{\"days\":30}").andExpect(status().isNotFound());
		change(this.admin, "read-notifications", "{\"days\":30}").andExpect(status().isForbidden());
		change(this.person, "read-notifications", "{\"days\":30}").andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM privacy_retention_settings WHERE changed = TRUE")
			.query(Long.class).single()).isZero();

		this.mvc.perform(get("/admin/privacy/retention").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"retention-support-chat\"")))
			.andExpect(content().string(containsString("id=\"retention-platform-only\"")));
		this.mvc.perform(get("/admin/privacy/retention").with(as(this.person))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/privacy/retention/{key}", "support-chat").with(as(this.platformAdmin)).with(csrf())
			.param("days", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("whole number of days")));
		this.mvc.perform(post("/admin/privacy/retention/{key}", "support-chat").with(as(this.platformAdmin)).with(csrf())
			.param("days", "14"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/privacy/retention").with(as(this.platformAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'support-chat')].days").value(14));
	}

}
