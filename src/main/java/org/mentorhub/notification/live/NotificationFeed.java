package org.mentorhub.notification.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the live streams read of {@code notifications}: the newest id, the ids (and people) after a
 * mark, whole rows by id, unread counts of several people, and one person's rows after a
 * {@code Last-Event-ID}. Plain indexed SQL, the same on H2, PostgreSQL and MariaDB: the primary key
 * for ids, {@code (user_id, read_at)} for the counts.
 */
@Component
class NotificationFeed {

	/** Ids per {@code IN (...)} list. */
	private static final int CHUNK = 500;

	private static final String COLUMNS = "id, user_id, type, title, body, link_url, created_at";

	private final JdbcClient jdbc;

	NotificationFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A notification's id and its person. */
	record Entry(long id, long userId) {
	}

	/** A notification as the stream sends it, before the unread count is known. */
	record Row(long id, long userId, String type, String title, String body, String link, Instant createdAt) {

		LiveNotification withUnread(long unread) {
			return new LiveNotification(this.id, this.type, this.title, this.body, this.link, this.createdAt, unread);
		}

	}

	/** The highest id written so far (0 for none). */
	long highWaterMark() {
		Long max = this.jdbc.sql("SELECT MAX(id) FROM notifications").query(Long.class).single();
		return max == null ? 0 : max;
	}

	/**
	 * Up to {@code limit} notifications of these people with an id above {@code after}, lowest first:
	 * id and person only (a range of the primary key).
	 */
	List<Entry> after(long after, Collection<Long> userIds, int limit) {
		return this.jdbc.sql("""
				SELECT id, user_id FROM notifications WHERE id > :after AND user_id IN (:users)
				ORDER BY id LIMIT :limit""")
			.param("after", after)
			.param("users", userIds)
			.param("limit", limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getLong("user_id")))
			.list();
	}

	/** These notifications, by id. */
	Map<Long, Row> rows(Collection<Long> ids) {
		Map<Long, Row> rows = new HashMap<>();
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += CHUNK) {
			this.jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id IN (:ids)")
				.param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.query(NotificationFeed::row)
				.list()
				.forEach(row -> rows.put(row.id(), row));
		}
		return rows;
	}

	/** The unread counts of these people (0 for those with none). */
	Map<Long, Long> unreadCounts(Collection<Long> userIds) {
		Map<Long, Long> counts = new HashMap<>();
		List<Long> all = List.copyOf(userIds);
		all.forEach(id -> counts.put(id, 0L));
		for (int from = 0; from < all.size(); from += CHUNK) {
			this.jdbc.sql("""
					SELECT user_id, COUNT(*) AS unread FROM notifications
					WHERE user_id IN (:users) AND read_at IS NULL GROUP BY user_id""")
				.param("users", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.query(rs -> {
					counts.put(rs.getLong("user_id"), rs.getLong("unread"));
				});
		}
		return counts;
	}

	/**
	 * The newest {@code limit} of this person's notifications with an id above {@code after}, lowest
	 * first: what a reconnecting stream missed.
	 */
	List<Row> missed(long userId, long after, int limit) {
		List<Row> newestFirst = this.jdbc.sql("SELECT " + COLUMNS
				+ " FROM notifications WHERE user_id = :user AND id > :after ORDER BY id DESC LIMIT :limit")
			.param("user", userId)
			.param("after", after)
			.param("limit", limit)
			.query(NotificationFeed::row)
			.list();
		List<Row> oldestFirst = new ArrayList<>(newestFirst);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** The ids of this person's notifications in {@code (after, upTo]}. */
	List<Long> ids(long userId, long after, long upTo) {
		return this.jdbc.sql("SELECT id FROM notifications WHERE user_id = :user AND id > :after AND id <= :upTo")
			.param("user", userId)
			.param("after", after)
			.param("upTo", upTo)
			.query(Long.class)
			.list();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("type"), rs.getString("title"),
				rs.getString("body"), rs.getString("link_url"),
				created == null ? null : created.toLocalDateTime().toInstant(ZoneOffset.UTC));
	}

}
