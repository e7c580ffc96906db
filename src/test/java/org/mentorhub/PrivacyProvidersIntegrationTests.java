package org.mentorhub;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.PrivacyCompliance.Declaration;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.platform.privacy.PrivacyProvider;
import org.mentorhub.platform.privacy.PrivacyProviders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real privacy providers (docs/privacy.md): every module with personal data declares every such table;
 * the export holds sentinels planted for one person in many modules, and not the other person's private
 * notes; erasure deletes or pseudonymises, is idempotent, keeps the other person's notes and the shared
 * records ("former member"), and pseudonymises the audit log instead of deleting it. Each test rolls back.
 */
@MentorHubIntegrationTest
@Transactional
class PrivacyProvidersIntegrationTests {

	@Autowired
	PrivacyProviders providers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretBox box;

	@Autowired
	JsonMapper json;

	@Test
	void everyModuleWithPersonalDataHasAProviderThatDeclaresEveryTable() throws IOException {
		List<Declaration> declarations = this.providers.all().stream().map(Declaration::of).toList();
		assertThat(PrivacyCompliance.violations(PrivacyCompliance.personalTables(), PrivacyCompliance.owners(),
				declarations))
			.isEmpty();
		assertThat(this.providers.all()).extracting(PrivacyProvider::module)
			.contains("identity", "profile", "mentorship", "session", "goal", "learning", "alert", "messaging",
					"resource", "support", "wellbeing", "notification", "attachment", "calendar", "audit",
					"integration", "platform", "organization");
		for (PrivacyProvider provider : this.providers.all()) {
			assertThat(List.of(provider.description(), provider.legalBasis(), provider.retention()))
				.as(provider.module())
				.allSatisfy(text -> assertThat(text).isNotBlank());
		}
		assertThat(this.providers.inErasureOrder()).last().extracting(PrivacyProvider::module).isEqualTo("identity");
	}

	@Test
	void exportHoldsOnlyThePersonsDataAndErasureDeletesOrPseudonymisesIdempotently() {
		TestInstitution college = TestInstitutions.aUniversity().build(this.jdbc);
		Account mentor = college.aMentor().create(this.jdbc);
		Account mentee = college.aStudent().create(this.jdbc);
		long mentorship = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		long session = insert("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at)
				VALUES (?, ?, ?, 'Sentinel-session-title', CURRENT_TIMESTAMP)""", mentorship, mentor.id(),
				mentee.id());
		insert("INSERT INTO session_notes (session_id, created_by_id, content) VALUES (?, ?, 'SENTINEL-NOTE')",
				session, mentee.id());
		SecretBox.Sealed sealed = this.box.seal("SENTINEL-PRIVATE-NOTE", "session_notes.content");
		insert("""
				INSERT INTO session_notes (session_id, created_by_id, content, content_key_id, is_private)
				VALUES (?, ?, ?, ?, TRUE)""", session, mentee.id(), sealed.ciphertext(), sealed.keyId());
		long otherNote = insert(
				"INSERT INTO session_notes (session_id, created_by_id, content) VALUES (?, ?, 'OTHER-PERSONS-NOTE')",
				session, mentor.id());
		insert("INSERT INTO direct_messages (sender_id, receiver_id, message) VALUES (?, ?, 'SENTINEL-MESSAGE')",
				mentee.id(), mentor.id());
		insert("INSERT INTO notifications (user_id, type, title) VALUES (?, 'SESSION_CONFIRMED', 'SENTINEL-NOTIFICATION')",
				mentee.id());
		insert("INSERT INTO goals (student_id, title) VALUES (?, 'SENTINEL-GOAL')", mentee.id());
		insert("""
				INSERT INTO milestone_logs (user_id, type, title, milestone_date)
				VALUES (?, 'PREGNANCY', 'SENTINEL-MILESTONE', CURRENT_DATE)""", mentee.id());
		this.jdbc.sql("DELETE FROM user_profiles WHERE user_id = ?").param(mentee.id()).update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, bio) VALUES (?, 'SENTINEL-BIO')").param(mentee.id()).update();
		long audit = insert("""
				INSERT INTO audit_logs (user_id, actor_label, action, entity, after_state, ip, user_agent)
				VALUES (?, 'SENTINEL-ACTOR', 'TEST', 'test', 'SENTINEL-AUDIT', '192.0.2.7', 'SENTINEL-BROWSER')""",
				mentee.id());

		String export = export(mentee.id());
		assertThat(export).contains("SENTINEL-NOTE", "SENTINEL-PRIVATE-NOTE", "SENTINEL-MESSAGE",
				"SENTINEL-NOTIFICATION", "SENTINEL-GOAL", "SENTINEL-MILESTONE", "SENTINEL-BIO", "SENTINEL-AUDIT",
				"Sentinel-session-title", mentee.email())
			// Never the other person's note, nor a secret.
			.doesNotContain("OTHER-PERSONS-NOTE", sealed.ciphertext(), "password_hash");

		Map<String, Integer> first = erase(mentee.id());
		assertThat(first).containsEntry("session.session_notes", 2)
			.containsEntry("notification.notifications", 1)
			.containsEntry("wellbeing.milestone_logs", 1)
			.containsEntry("identity.users", 1)
			.containsEntry("audit.audit_logs", 1);
		// Idempotent: a second run (a restarted job) changes nothing.
		assertThat(erase(mentee.id()).values()).allMatch(count -> count == 0);

		assertThat(this.jdbc.sql("SELECT full_name, email, status FROM users WHERE id = ?")
			.param(mentee.id())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single()).containsExactly("Former member", "erased-" + mentee.id() + "@erased.invalid", "DISABLED");
		// The other person keeps their own note; the shared session and message stay.
		assertThat(count("SELECT COUNT(*) FROM session_notes WHERE id = ?", otherNote)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM mentoring_sessions WHERE id = ?", session)).isEqualTo(1);
		// The audit row stays, pseudonymised.
		assertThat(this.jdbc.sql("SELECT actor_label, ip, user_agent FROM audit_logs WHERE id = ?")
			.param(audit)
			.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single()).containsExactly("former member", null, null);

		String after = export(mentee.id());
		assertThat(after).doesNotContain("SENTINEL-NOTE", "SENTINEL-PRIVATE-NOTE", "SENTINEL-NOTIFICATION",
				"SENTINEL-GOAL", "SENTINEL-MILESTONE", "SENTINEL-BIO", "SENTINEL-ACTOR", "SENTINEL-BROWSER",
				mentee.email());
		assertThat(export(mentor.id())).contains("OTHER-PERSONS-NOTE").doesNotContain("SENTINEL-NOTE");
	}

	private String export(long userId) {
		Map<String, Object> modules = new LinkedHashMap<>();
		for (PrivacyProvider provider : this.providers.all()) {
			modules.put(provider.module(), provider.export(userId));
		}
		return this.json.writeValueAsString(modules);
	}

	private Map<String, Integer> erase(long userId) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		for (PrivacyProvider provider : this.providers.inErasureOrder()) {
			provider.erase(userId).forEach((table, count) -> erased.put(provider.module() + "." + table, count));
		}
		return erased;
	}

	private long insert(String sql, Object... params) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
