package org.mentorhub.privacy;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the privacy module itself holds about a person (docs/privacy.md): their erasure requests, and who
 * changed a legal hold or a retention period. An erasure request is kept after the erasure as the record
 * that it was done (GDPR Art. 5(2), accountability), without the person's reason.
 */
@Component
class PrivacyRightsPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("privacy_erasure_requests", Erasure.CUSTOM,
					"The person's erasure requests (when, why, who decided), and requests the person decided as administrator.",
					"user_id", "decided_by_id"),
			PersonalTable.of("privacy_legal_holds", Erasure.CLEAR,
					"Who last changed an institution's legal hold of academic records.", "updated_by_id"),
			PersonalTable.of("privacy_retention_settings", Erasure.CLEAR,
					"Who last changed a retention period.", "updated_by_id"));

	PrivacyRightsPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "privacy";
	}

	@Override
	public String description() {
		return "A person's erasure requests (when, their reason, the decision), and who changed a legal hold or a retention period.";
	}

	@Override
	public String legalBasis() {
		return "Legal obligation: answering and proving the answer to a data-subject request (GDPR Arts. 12, 17 and 5(2)).";
	}

	@Override
	public String retention() {
		return "Erasure requests are kept as proof of the erasure, without the person's reason; the names of administrators who changed settings until they are erased.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	/** The request stays (proof that it was done); its reason goes. The decider's id is cleared when they are erased. */
	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		return this.jdbc.sql("UPDATE privacy_erasure_requests SET reason = NULL WHERE user_id = ? AND reason IS NOT NULL")
			.param(userId)
			.update()
				+ this.jdbc.sql("UPDATE privacy_erasure_requests SET decided_by_id = NULL WHERE decided_by_id = ?")
					.param(userId)
					.update();
	}

}
