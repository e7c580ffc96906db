package org.mentorhub.support;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the support module holds about a person (docs/privacy.md). */
@Component
class SupportPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("reported_issues", Erasure.KEEP,
					"Issues the person reported, was reported in, or handled (safety record, legal hold).",
					"user_id", "assigned_to_id", "escalated_by_id", "reported_user_id"),
			PersonalTable.of("issue_messages", Erasure.KEEP,
					"Messages the person wrote on an issue (safety record, legal hold).",
					"user_id"));

	SupportPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "support";
	}

	@Override
	public String description() {
		return "Issues a person reported (or was reported in, or handled) and the messages on them.";
	}

	@Override
	public String legalBasis() {
		return "Legitimate interest and legal obligation: safety and abuse reports (GDPR Art. 6(1)(c)/(f)).";
	}

	@Override
	public String retention() {
		return "Kept as a safety record while the institution requires (legal hold); the person shows as \"former member\" after erasure.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
