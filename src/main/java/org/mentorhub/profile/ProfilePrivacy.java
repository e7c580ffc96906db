package org.mentorhub.profile;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the profile module holds about a person (docs/privacy.md). */
@Component
class ProfilePrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("user_profiles", Erasure.DELETE,
					"The person's profile.",
					"user_id"),
			PersonalTable.of("mentor_profiles", Erasure.DELETE,
					"The person's mentor profile.",
					"user_id"),
			PersonalTable.of("student_profiles", Erasure.KEEP,
					"The student record: programme, GPA, attendance, risk (education record, legal hold).",
					"user_id"),
			PersonalTable.of("support_preferences", Erasure.DELETE,
					"The support the person asked for.",
					"user_id"),
			PersonalTable.of("support_preference_topics", Erasure.DELETE,
					"The support topics the person chose.",
					"user_id"),
			PersonalTable.of("user_tags", Erasure.DELETE,
					"The tags on the person's profile.",
					"user_id"),
			PersonalTable.of("availability_slots", Erasure.DELETE,
					"When the person is available.",
					"user_id"),
			PersonalTable.of("availability_exceptions", Erasure.DELETE,
					"Days the person is not available.",
					"user_id"),
			PersonalTable.of("academic_imports", Erasure.CLEAR,
					"Academic imports an administrator uploaded.",
					"uploaded_by_id"),
			PersonalTable.of("academic_import_rows", Erasure.DELETE,
					"Rows of academic imports about the student.",
					"student_id"),
			PersonalTable.of("onboarding_reminders", Erasure.DELETE_OWN,
					"Reminders to complete the profile, and who sent them.",
					"user_id", "last_sent_by"));

	ProfilePrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "profile";
	}

	@Override
	public String description() {
		return "A person's profile (bio, interests, mentoring style), student record (programme, GPA, attendance), support preferences, tags, availability, academic import rows and onboarding reminders.";
	}

	@Override
	public String legalBasis() {
		return "Contract / public task: matching and supporting the person (GDPR Art. 6(1)(b)/(e)); academic data is an education record under FERPA; support preferences about motherhood are given with consent (Art. 9(2)(a)).";
	}

	@Override
	public String retention() {
		return "While the account exists; the student record is kept as an education record while the institution requires (legal hold).";
	}

	/**
	 * The student record (GPA, attendance, risk) is kept on erasure as an education record; an institution
	 * whose legal-hold setting is off has it deleted too.
	 */
	@Override
	public Map<String, Integer> eraseHeldRecords(long userId) {
		return Map.of("student_profiles",
				this.jdbc.sql("DELETE FROM student_profiles WHERE user_id = ?").param(userId).update());
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
