package org.mentorhub.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the audit log holds about a person (docs/privacy.md). The log is never deleted on erasure: the rows
 * are pseudonymised (actor label, IP address and browser cleared; the user id now points at the
 * pseudonymised "former member" account).
 */
@Component
class AuditPrivacy extends TablePrivacyProvider {

	/** The actor label of a pseudonymised audit row. */
	static final String PSEUDONYM = "former member";

	private static final List<PersonalTable> TABLES = List.of(PersonalTable.of("audit_logs", Erasure.CUSTOM,
			"What the person did: action, record, before and after, time, IP address and browser; and, as the "
					+ "subject, who read the person's education record (the FERPA disclosure log).",
			"user_id", "subject_user_id"));

	AuditPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "audit";
	}

	@Override
	public String description() {
		return "The audit log of what a person did (action, record, before/after state, time, IP address, browser).";
	}

	@Override
	public String legalBasis() {
		return "Legal obligation and legitimate interest: accountability and security (GDPR Art. 6(1)(c)/(f), Art. 32); FERPA record of disclosures.";
	}

	@Override
	public String retention() {
		return "7 years; pseudonymised, never deleted, on erasure.";
	}

	/** Audit is kept 7 years, but the purge never deletes it: the log is append-only (QUALITY S12). */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(RetentionRule.notPurged("audit", "audit", "The audit log.", 7 * 365 + 2,
				"the audit log is append-only (QUALITY S12): erasure pseudonymises a person's rows, nothing deletes them"));
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	/**
	 * The person's own actions, in full; reads of their education record by others (they are its subject)
	 * without the reader's IP address and browser, which are the reader's data.
	 */
	@Override
	protected List<Map<String, Object>> exportRows(PersonalTable table, long userId) {
		List<Map<String, Object>> rows = new ArrayList<>(select(table,
				"SELECT * FROM audit_logs WHERE user_id = ? ORDER BY id", userId));
		rows.addAll(select(table, """
				SELECT id, user_id, action, entity, entity_id, created_at, subject_user_id FROM audit_logs
				WHERE subject_user_id = ? AND (user_id IS NULL OR user_id <> ?) ORDER BY id""", userId));
		return rows;
	}

	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		return this.jdbc.sql("""
				UPDATE audit_logs SET actor_label = ?, ip = NULL, user_agent = NULL
				WHERE user_id = ? AND (actor_label IS NULL OR actor_label <> ? OR ip IS NOT NULL OR user_agent IS NOT NULL)""")
			.params(PSEUDONYM, userId, PSEUDONYM)
			.update();
	}

}
