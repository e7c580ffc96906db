package org.mentorhub.mentorship;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the mentorship module holds about a person (docs/privacy.md). */
@Component
class MentorshipPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("mentorships", Erasure.KEEP,
					"Mentorships the person is or was in, or requested, assigned or decided (shared record).",
					"mentor_id", "mentee_id", "requested_by_id", "assigned_by_id", "decided_by_id"),
			PersonalTable.of("mentorship_request_choices", Erasure.DELETE,
					"Mentors a mentee chose when asking for a mentor.",
					"mentee_id", "mentor_id"),
			PersonalTable.of("assignment_drafts", Erasure.CLEAR,
					"Assignment drafts an administrator created.",
					"created_by_id"),
			PersonalTable.of("assignment_draft_pairs", Erasure.DELETE,
					"Draft pairs naming the person.",
					"mentee_id", "mentor_id"),
			PersonalTable.of("assignment_draft_unassigned", Erasure.DELETE,
					"Draft rows of mentees left unassigned.",
					"mentee_id"),
			PersonalTable.of("assignment_draft_pins", Erasure.DELETE,
					"Pinned draft pairs.",
					"mentee_id", "mentor_id"),
			PersonalTable.of("assignment_draft_removals", Erasure.DELETE,
					"Removed draft pairs.",
					"mentee_id", "mentor_id"),
			PersonalTable.of("institution_match_weights", Erasure.CLEAR,
					"Who last changed the matching weights.",
					"updated_by_id"));

	MentorshipPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "mentorship";
	}

	@Override
	public String description() {
		return "Mentorships (who mentors whom, who requested, assigned or decided), mentee choices, and administrators' assignment drafts and matching weights.";
	}

	@Override
	public String legalBasis() {
		return "Public task / legitimate interest: running the institution's mentoring programme (GDPR Art. 6(1)(e)/(f)).";
	}

	@Override
	public String retention() {
		return "Ended mentorships are kept (never purged by default); on erasure the mentorship stays as a shared record and shows \"former member\".";
	}

	/** Ended mentorships are kept: the programme's shared record. */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(RetentionRule.notPurged("ended-mentorships", "mentorship", "Ended mentorships.", null,
				"shared records of the programme, kept by default; erasure shows the person as former member"));
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
