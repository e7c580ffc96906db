package org.mentorhub.messaging;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the messaging module holds about a person (docs/privacy.md). */
@Component
class MessagingPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("direct_messages", Erasure.KEEP,
					"Messages the person sent or received (a shared thread: kept, the person shows as \"former member\").",
					"sender_id", "receiver_id"),
			PersonalTable.of("user_connections", Erasure.DELETE,
					"Connections the person asked for or accepted.",
					"requester_id", "receiver_id", "user_low_id", "user_high_id"),
			PersonalTable.of("user_blocks", Erasure.DELETE,
					"People the person blocked, or who blocked them.",
					"blocker_id", "blocked_id"));

	static final int BATCH = 1_000;

	static final int MAX_BATCHES = 100;

	private final MessagingProperties properties;

	MessagingPrivacy(JdbcClient jdbc, MessagingProperties properties) {
		super(jdbc);
		this.properties = properties;
	}

	/**
	 * Direct messages older than the period (off by default: {@code mentorhub.messaging.retention-days} 0,
	 * changeable on /admin/privacy/retention) are deleted by the privacy module's purge job, in batches.
	 */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(RetentionRule.purged("direct-messages", "messaging", "Direct messages, sent and received.",
				this.properties.retentionDays() > 0 ? this.properties.retentionDays() : null,
				cutoff -> RetentionRule.deleteInBatches(this.jdbc, "direct_messages", "created_at < :cutoff", cutoff,
						BATCH, MAX_BATCHES)));
	}

	@Override
	public String module() {
		return "messaging";
	}

	@Override
	public String description() {
		return "Direct messages a person sent or received, their connections (with their private note) and blocks.";
	}

	@Override
	public String legalBasis() {
		return "Contract: the messaging the person uses (GDPR Art. 6(1)(b)).";
	}

	@Override
	public String retention() {
		return "Messages are kept until a participant deletes them (or for a period set on /admin/privacy/retention, none by default); connections and blocks until removed.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
