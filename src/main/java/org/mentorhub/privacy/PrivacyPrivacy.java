package org.mentorhub.privacy;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.mentorhub.privacy.export.DataExportRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the privacy module itself holds about a person (docs/privacy.md): the downloads of their data they asked
 * for (the ZIP's key and the link's hash are never exported), their consents, their erasure requests, and who
 * changed a legal hold or a retention period. Erasure deletes the downloads (their ZIPs in the file store too)
 * and consents; an erasure request is kept after the erasure as the record that it was done (GDPR Art. 5(2),
 * accountability), without the person's reason.
 */
@Component
class PrivacyPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("privacy_exports", Erasure.CUSTOM,
					"Downloads of the person's data they asked for: when, their state and size (the ZIP and the link are never exported).",
					"user_id")
				.hiding("archive_key"),
			PersonalTable.of("privacy_consents", Erasure.DELETE,
					"The consents the person gave (support chat, directory listing), when given and withdrawn, and the text version.",
					"user_id"),
			PersonalTable.of("privacy_erasure_requests", Erasure.CUSTOM,
					"The person's erasure requests (when, why, who decided), and requests the person decided as administrator.",
					"user_id", "decided_by_id"),
			PersonalTable.of("privacy_legal_holds", Erasure.CLEAR,
					"Who last changed an institution's legal hold of academic records.", "updated_by_id"),
			PersonalTable.of("privacy_retention_settings", Erasure.CLEAR,
					"Who last changed a retention period.", "updated_by_id"));

	private final DataExportRetention exports;

	PrivacyPrivacy(JdbcClient jdbc, DataExportRetention exports) {
		super(jdbc);
		this.exports = exports;
	}

	/** The downloads' ZIPs and records (enforced by the one retention purge). */
	@Override
	public List<RetentionRule> retentionRules() {
		return this.exports.rules();
	}

	@Override
	public String module() {
		return "privacy";
	}

	@Override
	public String description() {
		return "The downloads of their own data a person asked for, the register of the consents they gave and withdrew, "
				+ "their erasure requests (when, their reason, the decision), and who changed a legal hold or a retention period.";
	}

	@Override
	public String legalBasis() {
		return "Legal obligation: answering the person's rights of access, portability and erasure, and proving consent "
				+ "and the answers (GDPR Art. 6(1)(c), Arts. 5(2), 7(1), 12, 15, 17 and 20).";
	}

	@Override
	public String retention() {
		return "A download's ZIP 1 day at most by default (removed at its single download; changeable on /admin/privacy/retention), "
				+ "its record 30 days by default; consents while the "
				+ "account exists; erasure requests are kept as proof of the erasure, without the person's reason.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	/**
	 * Downloads go with their stored ZIPs ({@link DataExportRetention#erase}). An erasure request stays (proof
	 * that it was done); its reason goes. The decider's id is cleared when they are erased.
	 */
	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		if (table.name().equals("privacy_exports")) {
			return this.exports.erase(userId);
		}
		return this.jdbc.sql("UPDATE privacy_erasure_requests SET reason = NULL WHERE user_id = ? AND reason IS NOT NULL")
			.param(userId)
			.update()
				+ this.jdbc.sql("UPDATE privacy_erasure_requests SET decided_by_id = NULL WHERE decided_by_id = ?")
					.param(userId)
					.update();
	}

}
