package org.mentorhub.session;

import java.util.List;
import java.util.Map;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the session module holds about a person (docs/privacy.md). The export holds the person's own notes
 * (private ones opened), never the other person's; feedback they gave, and feedback about them only where it
 * was shared with them and revealed. Erasure deletes their notes and the feedback they gave; the other
 * person keeps their own notes; the session itself is a shared record.
 */
@Component
class SessionPrivacy extends TablePrivacyProvider {

	private static final PersonalTable NOTES = PersonalTable.of("session_notes", Erasure.DELETE,
			"Notes the person wrote on a session, private ones included (the other person's notes are theirs).",
			"created_by_id");

	private static final PersonalTable FEEDBACK = PersonalTable.of("session_feedback", Erasure.DELETE_OWN,
			"Feedback the person gave, and feedback about them that was shared with them.", "giver_id",
			"recipient_id");

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("mentoring_sessions", Erasure.KEEP,
					"Sessions the person took part in, proposed or created (shared record: shows \"former member\").",
					"mentor_id", "mentee_id", "proposed_by_id", "created_by_id"),
			NOTES, FEEDBACK,
			PersonalTable.of("action_items", Erasure.KEEP,
					"Action items assigned to or created by the person (shared record).", "assigned_to_id",
					"created_by_id"));

	private final SecretBox box;

	private final AttachmentFiles files;

	SessionPrivacy(JdbcClient jdbc, SecretBox box, AttachmentFiles files) {
		super(jdbc);
		this.box = box;
		this.files = files;
	}

	/**
	 * The files on the feedback the person gave go with it, in the same transaction (deleting the rows alone
	 * left the files); files on the shared session stay.
	 */
	@Override
	public Map<String, Integer> erase(long userId) {
		this.files.deleteAllOf(RelatedType.FEEDBACK, this.jdbc.sql("SELECT id FROM session_feedback WHERE giver_id = ?")
			.param(userId)
			.query(Long.class)
			.list());
		return super.erase(userId);
	}

	@Override
	public String module() {
		return "session";
	}

	@Override
	public String description() {
		return "Mentoring sessions (when, where, attendance), the person's own session notes, action items, and feedback given or received.";
	}

	@Override
	public String legalBasis() {
		return "Public task / legitimate interest: running the mentoring programme (GDPR Art. 6(1)(e)/(f)); session records are education records under FERPA.";
	}

	@Override
	public String retention() {
		return "Sessions of ended mentorships are kept (never purged by default); notes and given feedback until the author deletes them or is erased.";
	}

	/** Sessions of ended mentorships are kept with them. */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(RetentionRule.notPurged("ended-mentorship-sessions", "session",
				"Sessions of ended mentorships (notes and feedback go with their author on erasure).", null,
				"kept with their mentorship by default"));
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	@Override
	protected List<Map<String, Object>> exportRows(PersonalTable table, long userId) {
		if (table == FEEDBACK) {
			return select(table, """
					SELECT * FROM session_feedback WHERE giver_id = ?
					   OR (recipient_id = ? AND visibility = 'SHARED' AND revealed_at IS NOT NULL) ORDER BY id""",
					userId);
		}
		List<Map<String, Object>> rows = super.exportRows(table, userId);
		if (table == NOTES) {
			for (Map<String, Object> row : rows) {
				Object key = row.remove("content_key_id");
				if (key != null) {
					row.put("content", this.box.open(key.toString(), String.valueOf(row.get("content")),
							SessionNotes.CONTEXT));
				}
			}
		}
		return rows;
	}

}
