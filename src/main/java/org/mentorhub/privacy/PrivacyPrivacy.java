package org.mentorhub.privacy;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the privacy module itself holds about a person (docs/privacy.md): the downloads of their data they asked
 * for (the ZIP and the link's hash are never exported) and their consents. Erasure deletes both. The erasure
 * requests' tables join this list (one provider per module).
 */
@Component
class PrivacyPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("privacy_exports", Erasure.DELETE,
					"Downloads of the person's data they asked for: when, their state and size (the ZIP and the link are never exported).",
					"user_id")
				.hiding("content"),
			PersonalTable.of("privacy_consents", Erasure.DELETE,
					"The consents the person gave (support chat, directory listing), when given and withdrawn, and the text version.",
					"user_id"));

	PrivacyPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "privacy";
	}

	@Override
	public String description() {
		return "The downloads of their own data a person asked for, and the register of the consents they gave and withdrew.";
	}

	@Override
	public String legalBasis() {
		return "Legal obligation: answering the person's rights of access and portability, and proving consent (GDPR Art. 6(1)(c), Arts. 7(1), 15 and 20).";
	}

	@Override
	public String retention() {
		return "A download's ZIP 24 hours at most (removed at its single download), its record 30 days; consents while the account exists.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
