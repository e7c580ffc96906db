package org.mentorhub.learning;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the learning module holds about a person (docs/privacy.md). */
@Component
class LearningPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("learning_paths", Erasure.CLEAR,
					"Learning paths the person created.",
					"created_by_id"),
			PersonalTable.of("learning_recommendations", Erasure.DELETE,
					"Paths a mentor recommended to a mentee.",
					"mentor_id", "mentee_id"),
			PersonalTable.of("user_learning_progress", Erasure.DELETE,
					"The person's progress through a path (module completions go with it).",
					"user_id"));

	LearningPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "learning";
	}

	@Override
	public String description() {
		return "Learning paths a person created, paths recommended to or by them, and their progress through paths.";
	}

	@Override
	public String legalBasis() {
		return "Contract / legitimate interest: the learning features the person uses (GDPR Art. 6(1)(b)/(f)).";
	}

	@Override
	public String retention() {
		return "While the account exists.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
