package org.mentorhub.goal;

import java.util.List;
import java.util.Map;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the goal module holds about a person (docs/privacy.md). Erasure deletes the student's goals with the
 * files on them and on their updates (deleting the rows alone left the files, found by
 * PrivacyEndToEndIntegrationTests).
 */
@Component
class GoalPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("goals", Erasure.DELETE_OWN,
					"The student's goals (deleted on erasure); goals the person created for someone else keep no creator.",
					"student_id", "created_by_id"),
			PersonalTable.of("goal_updates", Erasure.CLEAR,
					"Progress updates the person noted.",
					"noted_by_id"));

	private final AttachmentFiles files;

	GoalPrivacy(JdbcClient jdbc, AttachmentFiles files) {
		super(jdbc);
		this.files = files;
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

	/** The files of the student's goals and of their updates go first, in the same transaction. */
	@Override
	public Map<String, Integer> erase(long userId) {
		List<Long> goals = this.jdbc.sql("SELECT id FROM goals WHERE student_id = ?").param(userId).query(Long.class).list();
		if (!goals.isEmpty()) {
			this.files.deleteAllOf(RelatedType.GOAL, goals);
			this.files.deleteAllOf(RelatedType.GOAL_UPDATE, this.jdbc.sql("SELECT id FROM goal_updates WHERE goal_id IN (:goals)")
				.param("goals", goals)
				.query(Long.class)
				.list());
		}
		return super.erase(userId);
	}

}
