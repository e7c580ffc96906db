package org.mentorhub.resource;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the resource module holds about a person (docs/privacy.md). */
@Component
class ResourcePrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("resources", Erasure.CLEAR,
					"Resources the person uploaded (they stay in the library without an uploader).",
					"uploaded_by_id"),
			PersonalTable.of("resource_comments", Erasure.DELETE_OWN,
					"The person's comments, and comments the person removed as moderator.",
					"user_id", "removed_by_id"));

	ResourcePrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "resource";
	}

	@Override
	public String description() {
		return "Resources a person uploaded and their comments on resources.";
	}

	@Override
	public String legalBasis() {
		return "Contract / legitimate interest: the shared library (GDPR Art. 6(1)(b)/(f)).";
	}

	@Override
	public String retention() {
		return "While the resource exists.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
