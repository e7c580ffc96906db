package org.mentorhub.notification;

import java.util.List;

import org.mentorhub.notification.email.NotificationPurge;
import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.RetentionRule;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the notification module holds about a person (docs/privacy.md). */
@Component
class NotificationPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("notifications", Erasure.DELETE,
					"The person's notifications.",
					"user_id"),
			PersonalTable.of("notification_preferences", Erasure.DELETE,
					"How the person wants to be told.",
					"user_id"),
			PersonalTable.of("notification_digests", Erasure.DELETE,
					"Notifications waiting for the person's digest.",
					"user_id"));

	private final NotificationPurge purge;

	NotificationPrivacy(JdbcClient jdbc, NotificationPurge purge) {
		super(jdbc);
		this.purge = purge;
	}

	/** Read notifications go after their period (the rule lives beside the mail jobs). */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(this.purge.rule());
	}

	@Override
	public String module() {
		return "notification";
	}

	@Override
	public String description() {
		return "In-app notifications of a person, their delivery preferences and pending digests.";
	}

	@Override
	public String legalBasis() {
		return "Contract: telling the person about their mentoring (GDPR Art. 6(1)(b)).";
	}

	@Override
	public String retention() {
		return "Read notifications 180 days by default (changeable on /admin/privacy/retention); preferences while the account exists.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
