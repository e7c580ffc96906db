package org.mentorhub.goal;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the goal module holds about a person (docs/privacy.md). */
@Component
class GoalPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("goals", Erasure.DELETE_OWN,
					"The student's goals (deleted on erasure); goals the person created for someone else keep no creator.",
					"student_id", "created_by_id"),
			PersonalTable.of("goal_updates", Erasure.CLEAR,
					"Progress updates the person noted.",
					"noted_by_id"));

	GoalPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "goal";
	}

	@Override
	public String description() {
		return "A student's goals and the progress updates on them, and who created or noted them.";
	}

	@Override
	public String legalBasis() {
		return "Public task / legitimate interest in the student's development (GDPR Art. 6(1)(e)/(f)); goals are education records under FERPA.";
	}

	@Override
	public String retention() {
		return "While the account exists; the student's goals are deleted on erasure.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
