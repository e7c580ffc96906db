package org.mentorhub;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.mentorhub.PrivacyCompliance.Declaration;
import org.mentorhub.PrivacyCompliance.Personal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy compliance rule itself, without Spring: the migration scanner finds the tables that name a
 * person, and the rule fails on purpose for a module with such a table and no provider, a provider that
 * leaves a table out, and a provider that declares a table it does not own. PrivacyProvidersIntegrationTests
 * applies the rule to the real providers.
 */
class PrivacyComplianceTests {

	@Test
	void scannerFindsPersonColumnsByForeignKeyAndByName() throws IOException {
		Map<String, Personal> personal = PrivacyCompliance.personalTables();
		assertThat(personal).containsEntry("direct_messages",
				new Personal("messaging", Set.of("sender_id", "receiver_id")));
		// No foreign key to users: found by name.
		assertThat(personal.get("relationship_health").columns()).contains("mentor_id", "mentee_id");
		// "done by" without _id, in a platform table.
		assertThat(personal.get("platform_jobs")).isEqualTo(new Personal("platform", Set.of("submitted_by")));
		// An owner correction (created by an identity migration, owned by platform) and an e-mail recipient.
		assertThat(personal.get("outbox_mails")).isEqualTo(new Personal("platform", Set.of("recipient")));
		// A vendor migration (Spring Session) and the accounts table itself.
		assertThat(personal.get("spring_session").columns()).containsExactly("principal_name");
		assertThat(personal.get("users").owner()).isEqualTo("identity");
		// A foreign key added by ALTER TABLE, and a column added by ALTER TABLE.
		assertThat(personal.get("onboarding_reminders").columns()).contains("user_id", "last_sent_by");
		assertThat(personal.get("institutions").columns()).containsExactly("contact_email");
		assertThat(personal).doesNotContainKeys("shedlock", "roles", "tags", "rate_limit_buckets",
				"learning_path_modules", "identity_people");
		assertThat(personal).hasSizeGreaterThan(60);
	}

	@Test
	void scannerReadsInlineReferencesAlterTableAndQuotedNames() {
		Map<String, Set<String>> columns = new TreeMap<>();
		PrivacyCompliance.personalColumns("""
				CREATE TABLE IF NOT EXISTS "diary_entries" (
				    id        ${id} PRIMARY KEY,
				    writer    BIGINT NOT NULL REFERENCES users (id),
				    body      ${text},
				    amount    DECIMAL(10, 2),
				    CONSTRAINT ck_amount CHECK (amount IN (1, 2))
				);
				ALTER TABLE diary_entries ADD COLUMN reviewed_by BIGINT;
				ALTER TABLE diary_entries ADD witness BIGINT;
				ALTER TABLE diary_entries ADD CONSTRAINT fk_witness FOREIGN KEY (witness) REFERENCES users (id);
				CREATE TABLE diary_topics (id ${id} PRIMARY KEY, name VARCHAR(20));
				""", columns);
		assertThat(columns).containsEntry("diary_entries", Set.of("writer", "reviewed_by", "witness"))
			.containsEntry("diary_topics", Set.of());
	}

	@Test
	void ruleFailsOnPurposeForAModuleWithoutProviderAForgottenTableAndAForeignTable() {
		Map<String, Personal> personal = Map.of("diary_entries", new Personal("diary", Set.of("writer")),
				"diary_comments", new Personal("diary", Set.of("author_id")), "ledgers",
				new Personal("ledger", Set.of("owner_id")));
		Map<String, String> owners = Map.of("diary_entries", "diary", "diary_comments", "diary", "ledgers", "ledger",
				"users", "identity");

		// No provider at all for either module.
		assertThat(PrivacyCompliance.violations(personal, owners, List.of())).containsExactlyInAnyOrder(
				"module diary owns diary_comments (person columns [author_id]) but has no PrivacyProvider",
				"module diary owns diary_entries (person columns [writer]) but has no PrivacyProvider",
				"module ledger owns ledgers (person columns [owner_id]) but has no PrivacyProvider");

		// A diary provider that forgot its comments and claims another module's table.
		Declaration diary = new Declaration("diary", Map.of("diary_entries", List.of("writer"), "users", List.of("id")));
		Declaration ledger = new Declaration("ledger", Map.of("ledgers", List.of("owner_id")));
		assertThat(PrivacyCompliance.violations(personal, owners, List.of(diary, ledger))).containsExactlyInAnyOrder(
				"the diary PrivacyProvider leaves out diary_comments (person columns [author_id])",
				"the diary PrivacyProvider declares users, which its module does not own (owner: identity)");

		// Complete: nothing to report.
		Declaration complete = new Declaration("diary",
				Map.of("diary_entries", List.of("writer"), "diary_comments", List.of("author_id")));
		assertThat(PrivacyCompliance.violations(personal, owners, List.of(complete, ledger))).isEmpty();
		assertThat(PrivacyCompliance.violations(personal, owners, List.of(complete, ledger, ledger)))
			.containsExactly("module ledger has more than one privacy provider");
	}

}
