package org.mentorhub.wellbeing;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.SecretBox;
import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.wellbeing.chat.SupportChatPurge;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the wellbeing module holds about a person (docs/privacy.md): milestones, support groups, leave
 * cover and the support chat. Chat messages are sealed; the export opens them.
 */
@Component
class WellbeingPrivacy extends TablePrivacyProvider {

	/** The sealing context of chat messages (wellbeing.chat.SupportChat.CONTEXT). */
	static final String CHAT_CONTEXT = "support_chat_messages.message";

	private static final PersonalTable CHAT = PersonalTable.of("support_chat_messages", Erasure.DELETE,
			"The person's support chat: her messages and the replies, with their mood and crisis flags.", "user_id");

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("milestone_logs", Erasure.DELETE, "The person's milestones (pregnancy, leave, return).",
					"user_id"),
			PersonalTable.of("support_groups", Erasure.CLEAR, "Support groups the person created.", "created_by_id"),
			PersonalTable.of("group_memberships", Erasure.DELETE, "The support groups the person belongs to.",
					"user_id"),
			PersonalTable.of("group_posts", Erasure.CLEAR,
					"Posts the person wrote in a support group, and posts they removed as moderator (the posts stay in the group's discussion as \"former member\").",
					"author_id", "removed_by_id"),
			PersonalTable.of("proxy_requests", Erasure.DELETE,
					"Leave-cover requests the person made, covers, asked for as administrator or approved.",
					"mother_id", "proxy_id", "requested_by_id", "approved_by_id"),
			PersonalTable.of("proxy_request_mentorships", Erasure.DELETE,
					"The mentorships a leave paused, naming the person as mentor or mentee.", "mentor_id", "mentee_id"),
			PersonalTable.of("support_chat_consents", Erasure.DELETE,
					"When the person consented to the support chat and when she withdrew.", "user_id"),
			CHAT,
			PersonalTable.of("support_chat_settings", Erasure.CLEAR,
					"The institution's designated crisis contact, when that is the person.", "contact_user_id"));

	private final SecretBox box;

	private final SupportChatPurge chatPurge;

	WellbeingPrivacy(JdbcClient jdbc, SecretBox box, SupportChatPurge chatPurge) {
		super(jdbc);
		this.box = box;
		this.chatPurge = chatPurge;
	}

	/** Support-chat messages go after their period (the rule lives beside the chat). */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(this.chatPurge.rule());
	}

	@Override
	public String module() {
		return "wellbeing";
	}

	@Override
	public String description() {
		return "Working-mother support: milestones, support-group memberships and posts, leave-cover requests, and the support chat (messages, mood, crisis flags, consent).";
	}

	@Override
	public String legalBasis() {
		return "Explicit consent (GDPR Art. 9(2)(a)): health-related data given by the person; withdrawing consent stops the chat.";
	}

	@Override
	public String retention() {
		return "Support chat 30 days by default (changeable on /admin/privacy/retention); milestones and posts while the account exists.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	@Override
	protected List<Map<String, Object>> exportRows(PersonalTable table, long userId) {
		List<Map<String, Object>> rows = super.exportRows(table, userId);
		if (table == CHAT) {
			for (Map<String, Object> row : rows) {
				Object key = row.remove("message_key_id");
				if (key != null) {
					row.put("message", this.box.open(key.toString(), String.valueOf(row.get("message")), CHAT_CONTEXT));
				}
			}
		}
		return rows;
	}

}
