package org.mentorhub.alert;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the alert module holds about a person (docs/privacy.md). */
@Component
class AlertPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("alerts", Erasure.KEEP,
					"Alerts about the student, and the staff who raised, own or closed them (education record, legal hold).",
					"student_id", "raised_by_id", "owner_id", "closed_by_id"),
			PersonalTable.of("alert_events", Erasure.KEEP,
					"What each person did on an alert.",
					"actor_id"),
			PersonalTable.of("alert_rules", Erasure.CLEAR,
					"Who last enabled or changed an alert rule.",
					"enabled_by_id", "updated_by_id"),
			PersonalTable.of("relationship_health", Erasure.DELETE,
					"The computed health of a mentorship the person is in.",
					"mentor_id", "mentee_id"),
			PersonalTable.of("relationship_health_history", Erasure.DELETE,
					"The history of the health of a mentorship the person is the mentee of.",
					"mentee_id"));

	AlertPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "alert";
	}

	@Override
	public String description() {
		return "Alerts raised about a student (risk, reason, owner, closing note), what each person did on an alert, who enabled alert rules, and the computed health of each mentorship with its history.";
	}

	@Override
	public String legalBasis() {
		return "Public task / legitimate interest of the institution in student success (GDPR Art. 6(1)(e)/(f)); alerts are education records under FERPA.";
	}

	@Override
	public String retention() {
		return "Alerts and their events are kept as education records while the institution requires (legal hold); relationship health is recomputed hourly and, with its history, deleted on erasure.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
