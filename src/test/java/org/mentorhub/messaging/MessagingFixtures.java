package org.mentorhub.messaging;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.TestAccounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Connections and messages planted with SQL, as the messaging module writes them. */
public final class MessagingFixtures {

	private MessagingFixtures() {
	}

	/** A connection of {@code requester} to {@code receiver} in the given status; returns its id. */
	public static long connection(JdbcClient jdbc, Account requester, Account receiver, String status, String note) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO user_connections (requester_id, receiver_id, user_low_id, user_high_id, status, note,
				                              created_at, updated_at)
				VALUES (:a, :b, :low, :high, :status, :note, :now, :now)""")
			.param("a", requester.id())
			.param("b", receiver.id())
			.param("low", Math.min(requester.id(), receiver.id()))
			.param("high", Math.max(requester.id(), receiver.id()))
			.param("status", status)
			.param("note", note)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** An accepted connection. */
	public static long connect(JdbcClient jdbc, Account a, Account b) {
		return connection(jdbc, a, b, "ACCEPTED", null);
	}

	/** A message from {@code sender} to {@code receiver}, unread, sent {@code minutesAgo} minutes ago. */
	public static long message(JdbcClient jdbc, Account sender, Account receiver, String text, int minutesAgo) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO direct_messages (sender_id, receiver_id, message, is_read, created_at)
				VALUES (:s, :r, :t, FALSE, :at)""")
			.param("s", sender.id())
			.param("r", receiver.id())
			.param("t", text)
			.param("at", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The conversation id of two accounts. */
	public static String conversation(Account a, Account b) {
		return Conversations.conversationId(a.id(), b.id());
	}

}
