package org.mentorhub.notification.email;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.platform.privacy.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The retention rule of read notifications: those read longer ago than the period
 * ({@code mentorhub.notification.retention}, 180 days by default, changeable on /admin/privacy/retention)
 * are deleted by the privacy module's one purge job; unread ones are kept whatever their age. Deletes in
 * bounded batches (index {@code (read_at)}). The notification provider declares the rule.
 */
@Component
public class NotificationPurge {

	/** The key of the rule (its row in the retention settings). */
	public static final String KEY = "read-notifications";

	private final JdbcClient jdbc;

	private final NotificationMailProperties properties;

	private final Clock clock;

	NotificationPurge(JdbcClient jdbc, NotificationMailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The rule the notification provider declares. */
	public RetentionRule rule() {
		return RetentionRule.purged(KEY, "notification", "Notifications the person has read (unread ones stay).",
				(int) this.properties.retention().toDays(), this::purgeBefore);
	}

	/** Deletes read notifications past the default retention period, at most a run's batches; returns how many. */
	int purge() {
		return purgeBefore(LocalDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC));
	}

	private int purgeBefore(LocalDateTime cutoff) {
		return RetentionRule.deleteInBatches(this.jdbc, "notifications", "read_at < :cutoff", cutoff,
				this.properties.purge().batch(), this.properties.purge().maxBatches());
	}

}
