package org.mentorhub.notification.live;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.TestAccounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Notifications planted directly, for the stream tests. */
final class LiveFixtures {

	private LiveFixtures() {
	}

	/** A new unread notification of the account with this title; returns its id. */
	static long notify(JdbcClient jdbc, Account to, String title) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO notifications (user_id, type, title, body, payload, link_url, created_at) "
				+ "VALUES (:u, 'MENTORSHIP_REQUESTED', :t, 'A body', '{}', '/mentorships', :at)")
			.param("u", to.id())
			.param("t", title)
			.param("at", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
