package org.mentorhub.wellbeing.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.platform.privacy.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The retention rule of the support chat: messages older than the period (30 days by default,
 * {@code mentorhub.wellbeing.chat.retention}, changeable on /admin/privacy/retention) are deleted by the
 * privacy module's one purge job, in bounded batches of ids (index {@code (created_at)}). Idempotent: a
 * second run finds nothing to do. The wellbeing provider declares the rule.
 */
@Component
public class SupportChatPurge {

	static final int MAX_BATCHES = 200;

	/** The key of the rule (its row in the retention settings). */
	public static final String KEY = "support-chat";

	private final JdbcClient jdbc;

	private final SupportChatProperties properties;

	private final Clock clock;

	SupportChatPurge(JdbcClient jdbc, SupportChatProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The rule the wellbeing provider declares. */
	public RetentionRule rule() {
		return RetentionRule.purged(KEY, "wellbeing", "Support-chat messages (hers and the replies).",
				(int) this.properties.retention().toDays(), this::purgeBefore);
	}

	/** Deletes the messages past the default retention period; returns how many (tests). */
	int purge() {
		return purgeBefore(LocalDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC));
	}

	private int purgeBefore(LocalDateTime cutoff) {
		return RetentionRule.deleteInBatches(this.jdbc, "support_chat_messages", "created_at < :cutoff", cutoff,
				this.properties.purgeBatch(), MAX_BATCHES);
	}

}
