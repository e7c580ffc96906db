package org.mentorhub.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's notifications: the list (newest first, with filters and pages), the unread
 * count, and marking read. Every query names the person, so nobody reads or marks another person's
 * notifications: another person's id answers 404, as an id that does not exist. The list takes one
 * query and the count one more, whatever the number of rows (indexes {@code (user_id, created_at)}
 * and {@code (user_id, read_at)}).
 */
@Service
public class NotificationCenter {

	/** The page size of the list when none is asked for. */
	static final int PAGE_SIZE = 20;

	/** The largest page. */
	static final int MAX_PAGE_SIZE = 100;

	private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final JsonMapper json;

	private final Clock clock;

	NotificationCenter(JdbcClient jdbc, Tenancy tenancy, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The signed-in person's notifications, newest first.
	 * @param unreadOnly only the unread ones
	 * @param type only this type (a {@link NotificationType} name), or null for all
	 * @param page the page, from 0
	 * @param size the page size, 1 to 100 (null for 20)
	 */
	@Transactional(readOnly = true)
	public NotificationPage list(boolean unreadOnly, String type, Integer page, Integer size) {
		long me = this.tenancy.actor().id();
		NotificationType only = type == null || type.isBlank() ? null
				: NotificationType.of(type)
					.orElseThrow(() -> new InvalidInputException("type", "There is no notification type of this name."));
		int p = page == null ? 0 : page;
		int s = size == null ? PAGE_SIZE : size;
		if (p < 0 || p > 10_000) {
			throw new InvalidInputException("page", "The page is a number from 0 to 10000.");
		}
		if (s < 1 || s > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "The page size is a number from 1 to " + MAX_PAGE_SIZE + ".");
		}
		String sql = "SELECT id, type, title, body, link_url, payload, created_at, read_at FROM notifications"
				+ " WHERE user_id = :user" + (unreadOnly ? " AND read_at IS NULL" : "")
				+ (only == null ? "" : " AND type = :type")
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
		JdbcClient.StatementSpec query = this.jdbc.sql(sql)
			.param("user", me)
			.param("limit", s + 1)
			.param("offset", p * s);
		if (only != null) {
			query = query.param("type", only.name());
		}
		List<NotificationView> rows = query.query(this::view).list();
		boolean hasNext = rows.size() > s;
		return new NotificationPage(hasNext ? rows.subList(0, s) : rows, p, s, hasNext, unreadCount());
	}

	/** How many of the signed-in person's notifications are unread. */
	@Transactional(readOnly = true)
	public long unreadCount() {
		return unreadCount(this.tenancy.actor().id());
	}

	/** How many of this person's notifications are unread (for the bell and the stream). */
	long unreadCount(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** One of the signed-in person's notifications; 404 for anybody else's. */
	@Transactional(readOnly = true)
	public NotificationView get(long id) {
		return this.jdbc.sql("""
				SELECT id, type, title, body, link_url, payload, created_at, read_at FROM notifications
				WHERE id = :id AND user_id = :user""")
			.param("id", id)
			.param("user", this.tenancy.actor().id())
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no notification " + id + " of yours."));
	}

	/** Marks one of the signed-in person's notifications read (again: no change); 404 for anybody else's. */
	@Transactional
	public NotificationView markRead(long id) {
		long me = this.tenancy.actor().id();
		this.jdbc.sql("UPDATE notifications SET read_at = :at WHERE id = :id AND user_id = :user AND read_at IS NULL")
			.param("at", now())
			.param("id", id)
			.param("user", me)
			.update();
		return get(id);
	}

	/** Marks all of the signed-in person's notifications read; returns how many were unread. */
	@Transactional
	public int markAllRead() {
		return this.jdbc.sql("UPDATE notifications SET read_at = :at WHERE user_id = :user AND read_at IS NULL")
			.param("at", now())
			.param("user", this.tenancy.actor().id())
			.update();
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	NotificationView view(ResultSet rs, int row) throws SQLException {
		String payload = rs.getString("payload");
		Map<String, Object> ids = Map.of();
		if (payload != null && payload.startsWith("{")) {
			try {
				ids = this.json.readValue(payload, PAYLOAD);
			}
			catch (RuntimeException ex) {
				ids = Map.of();
			}
		}
		return new NotificationView(rs.getLong("id"), rs.getString("type"), rs.getString("title"), rs.getString("body"),
				rs.getString("link_url"), ids, instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
	}

}
