package org.mentorhub.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mentorhub.identity.Person;
import org.mentorhub.platform.AbuseReported;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Direct messages. A message is readable by its two people only: every read is of the caller's own
 * conversations, and a conversation id that is not the caller's is "not found" (administrators
 * included: nobody browses other people's conversations). {@link MessagingAccess} decides who may
 * write to whom. A conversation is the pair of two people, addressed as {@code low-high} of their ids.
 * Opening a conversation marks the other person's messages read. A sender may delete a message within
 * {@link #DELETE_WINDOW}; it then shows as "message deleted" (its text is cleared). The receiver may report
 * a message as abusive ({@link AbuseReported}, quoting that message only). Sending is rate-limited per
 * sender (QUALITY S14, {@code mentorhub.messaging.per-minute}).
 */
@Service
public class Conversations {

	/** The longest message. */
	public static final int MAX_TEXT = 4_000;

	/** The longest reason of a report. */
	public static final int MAX_REASON = 1_000;

	/** Messages per page of a conversation. */
	public static final int PAGE_SIZE = 30;

	/** The most conversations listed. */
	public static final int MAX_CONVERSATIONS = 100;

	/** How long a sender may delete a message. */
	public static final Duration DELETE_WINDOW = Duration.ofMinutes(15);

	/** The rate limit's name, shared by the page and the API. */
	static final String RATE_LIMIT = "direct-message";

	private static final Pattern CONVERSATION = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

	private static final String COLUMNS = "id, sender_id, receiver_id, message, is_read, read_at, created_at, deleted_at";

	private final JdbcClient jdbc;

	private final MessagingAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RateLimiter rateLimiter;

	private final MessagingProperties properties;

	Conversations(JdbcClient jdbc, MessagingAccess access, ApplicationEventPublisher events, Clock clock,
			RateLimiter rateLimiter, MessagingProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
	}

	/** The conversation id of two people. */
	public static String conversationId(long a, long b) {
		return Math.min(a, b) + "-" + Math.max(a, b);
	}

	/** The caller's conversations, the most recent first, each with the last message and the unread count; three queries. */
	@Transactional(readOnly = true)
	public List<ConversationSummary> list() {
		long me = this.access.caller().id();
		Map<Long, Long> unread = new HashMap<>();
		this.jdbc.sql("""
				SELECT sender_id, COUNT(*) FROM direct_messages
				WHERE receiver_id = :me AND is_read = FALSE AND deleted_at IS NULL GROUP BY sender_id""")
			.param("me", me)
			.query((RowCallbackHandler) rs -> unread.put(rs.getLong(1), rs.getLong(2)));
		return this.jdbc.sql("""
				SELECT m.id, m.sender_id, m.receiver_id, m.message, m.created_at, m.deleted_at, l.other_id, p.full_name
				FROM (SELECT other_id, MAX(id) AS last_id FROM (
				        SELECT receiver_id AS other_id, id FROM direct_messages WHERE sender_id = :me
				        UNION ALL
				        SELECT sender_id AS other_id, id FROM direct_messages WHERE receiver_id = :me) x
				      GROUP BY other_id) l
				JOIN direct_messages m ON m.id = l.last_id
				JOIN identity_people p ON p.id = l.other_id
				ORDER BY m.id DESC LIMIT :limit""")
			.param("me", me)
			.param("limit", MAX_CONVERSATIONS)
			.query((rs, i) -> {
				long other = rs.getLong("other_id");
				boolean deleted = rs.getObject("deleted_at", LocalDateTime.class) != null;
				return new ConversationSummary(conversationId(me, other), other, rs.getString("full_name"),
						deleted ? "" : rs.getString("message"), deleted, rs.getLong("sender_id") == me,
						instant(rs.getObject("created_at", LocalDateTime.class)), unread.getOrDefault(other, 0L));
			})
			.list();
	}

	/** How many messages the caller has not read (the navigation badge); one indexed query. */
	@Transactional(readOnly = true)
	public long unreadCount() {
		return unreadCount(this.access.caller().id());
	}

	long unreadCount(long me) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM direct_messages WHERE receiver_id = :me AND is_read = FALSE AND deleted_at IS NULL""")
			.param("me", me)
			.query(Long.class)
			.single();
	}

	/**
	 * The conversation with the person, opened: a page of its messages older than {@code before} (the
	 * newest page when null), and the other person's unread messages marked read (when {@code markRead}).
	 */
	@Transactional
	public Conversation open(String conversationId, Long before, boolean markRead) {
		MessagingAccess.Caller caller = this.access.caller();
		Person other = otherOf(caller, conversationId);
		if (markRead) {
			markRead(caller.id(), other.id());
		}
		List<MessageView> page = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM direct_messages
				WHERE ((sender_id = :me AND receiver_id = :other) OR (sender_id = :other AND receiver_id = :me))
				  AND id < :before
				ORDER BY id DESC LIMIT :limit""")
			.param("me", caller.id())
			.param("other", other.id())
			.param("before", before == null ? Long.MAX_VALUE : before)
			.param("limit", PAGE_SIZE + 1)
			.query((rs, i) -> view(rs, caller.id()))
			.list();
		Long older = null;
		List<MessageView> messages = new ArrayList<>(page);
		if (messages.size() > PAGE_SIZE) {
			messages = messages.subList(0, PAGE_SIZE);
			older = messages.get(PAGE_SIZE - 1).id();
		}
		Collections.reverse(messages);
		return conversation(caller, other, conversationId, messages, older);
	}

	/**
	 * The messages of the conversation newer than {@code after} (at most a page; the live refresh), the
	 * other person's marked read (the conversation is open).
	 */
	@Transactional
	public Conversation newer(String conversationId, long after) {
		MessagingAccess.Caller caller = this.access.caller();
		Person other = otherOf(caller, conversationId);
		markRead(caller.id(), other.id());
		List<MessageView> messages = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM direct_messages
				WHERE ((sender_id = :me AND receiver_id = :other) OR (sender_id = :other AND receiver_id = :me))
				  AND id > :after
				ORDER BY id LIMIT :limit""")
			.param("me", caller.id())
			.param("other", other.id())
			.param("after", after)
			.param("limit", PAGE_SIZE)
			.query((rs, i) -> view(rs, caller.id()))
			.list();
		return conversation(caller, other, conversationId, messages, null);
	}

	/** The ids of the caller's own messages of the conversation, at or after {@code from}, that have been read. */
	@Transactional(readOnly = true)
	public List<Long> readOwn(String conversationId, long from) {
		MessagingAccess.Caller caller = this.access.caller();
		Person other = otherOf(caller, conversationId);
		return this.jdbc.sql("""
				SELECT id FROM direct_messages WHERE sender_id = :me AND receiver_id = :other AND id >= :from
				  AND is_read = TRUE ORDER BY id DESC LIMIT 200""")
			.param("me", caller.id())
			.param("other", other.id())
			.param("from", from)
			.query(Long.class)
			.list();
	}

	private Conversation conversation(MessagingAccess.Caller caller, Person other, String conversationId,
			List<MessageView> messages, Long older) {
		boolean blocked = this.access.blockedEitherWay(caller.id(), other.id());
		boolean mayWrite = !blocked && other.active() && this.access.mayWrite(caller, other);
		return new Conversation(conversationId, other.id(), other.fullName(), List.copyOf(messages), older, mayWrite,
				blocked);
	}

	/** Marks the other person's unread messages of the conversation read; returns how many. */
	@Transactional
	public int markRead(String conversationId) {
		MessagingAccess.Caller caller = this.access.caller();
		Person other = otherOf(caller, conversationId);
		return markRead(caller.id(), other.id());
	}

	private int markRead(long me, long other) {
		return this.jdbc.sql("""
				UPDATE direct_messages SET is_read = TRUE, read_at = :now
				WHERE receiver_id = :me AND sender_id = :other AND is_read = FALSE""")
			.param("now", now())
			.param("me", me)
			.param("other", other)
			.update();
	}

	/**
	 * Sends a message to a person: 400 for an empty one or one above {@link #MAX_TEXT} characters, or
	 * to oneself; "not found" for someone outside the caller's institution; 403 when the caller may not
	 * write to them; 429 past the rate limit.
	 */
	@Transactional
	public MessageView send(long personId, String text) {
		MessagingAccess.Caller caller = this.access.caller();
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new InvalidInputException("text", "Write a message.");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("text", "A message has at most " + MAX_TEXT + " characters.");
		}
		Person receiver = this.access.other(caller, personId);
		this.access.requireMayWrite(caller, receiver);
		this.rateLimiter.acquire(RATE_LIMIT, "user:" + caller.id(), this.properties.perMinute(), Duration.ofMinutes(1));
		LocalDateTime now = now();
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO direct_messages (sender_id, receiver_id, message, is_read, created_at)
				VALUES (:me, :other, :text, FALSE, :now)""")
			.param("me", caller.id())
			.param("other", receiver.id())
			.param("text", body)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		String conversation = conversationId(caller.id(), receiver.id());
		this.events.publishEvent(new DirectMessageSent(id, caller.id(), receiver.id(), conversation));
		return new MessageView(id, caller.id(), true, body, false, false, null, instant(now), true);
	}

	/** Deletes the caller's own message within {@link #DELETE_WINDOW}: "not found" for anyone else's, 409 later. */
	@Transactional
	public MessageView delete(long messageId) {
		long me = this.access.caller().id();
		Row row = row(messageId).filter(r -> r.senderId() == me)
			.orElseThrow(() -> new NotFoundException("Message not found"));
		if (row.deletedAt() != null) {
			throw new StateTransitionException("This message has already been deleted.");
		}
		if (row.createdAt().plus(DELETE_WINDOW).isBefore(now())) {
			throw new StateTransitionException("A message can be deleted only within 15 minutes of sending it.");
		}
		this.jdbc.sql("UPDATE direct_messages SET message = '', deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
			.param("now", now())
			.param("id", messageId)
			.update();
		return row(messageId).map(r -> r.view(me, now())).orElseThrow();
	}

	/**
	 * Reports a message received by the caller as abusive: the support desk gets it (the message alone
	 * is quoted). "Not found" for a message the caller did not receive; 409 for a deleted one.
	 */
	@Transactional
	public void report(long messageId, String reason) {
		MessagingAccess.Caller caller = this.access.caller();
		String why = reason == null ? "" : reason.strip();
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "A reason has at most " + MAX_REASON + " characters.");
		}
		Row row = row(messageId).filter(r -> r.receiverId() == caller.id())
			.orElseThrow(() -> new NotFoundException("Message not found"));
		if (row.deletedAt() != null) {
			throw new StateTransitionException("This message has been deleted.");
		}
		if (caller.institutionId() == null) {
			throw new NotFoundException("Message not found");
		}
		this.events.publishEvent(new AbuseReported(caller.institutionId(), caller.id(), row.senderId(),
				"DIRECT_MESSAGE", row.id(), row.text(), why, null));
	}

	/** The conversation's other person, or "not found" when the id is malformed or not the caller's. */
	private Person otherOf(MessagingAccess.Caller caller, String conversationId) {
		Matcher m = CONVERSATION.matcher(conversationId == null ? "" : conversationId);
		if (!m.matches()) {
			throw new NotFoundException("Conversation not found");
		}
		long low = Long.parseLong(m.group(1));
		long high = Long.parseLong(m.group(2));
		if (low >= high || (low != caller.id() && high != caller.id())) {
			throw new NotFoundException("Conversation not found");
		}
		long other = low == caller.id() ? high : low;
		Person person = this.access.people().find(other).orElseThrow(() -> new NotFoundException("Conversation not found"));
		if (caller.institutionId() == null || !caller.institutionId().equals(person.institutionId())) {
			throw new NotFoundException("Conversation not found");
		}
		return person;
	}

	/** The conversation of the caller with a person of their institution (for a "write" link). */
	@Transactional(readOnly = true)
	public String conversationWith(long personId) {
		MessagingAccess.Caller caller = this.access.caller();
		return conversationId(caller.id(), this.access.other(caller, personId).id());
	}

	private record Row(long id, long senderId, long receiverId, String text, boolean read, LocalDateTime readAt,
			LocalDateTime createdAt, LocalDateTime deletedAt) {

		MessageView view(long me, LocalDateTime now) {
			boolean mine = this.senderId == me;
			boolean deleted = this.deletedAt != null;
			return new MessageView(this.id, this.senderId, mine, deleted ? "" : this.text, deleted, this.read,
					instant(this.readAt), instant(this.createdAt),
					mine && !deleted && !this.createdAt.plus(DELETE_WINDOW).isBefore(now));
		}

	}

	private java.util.Optional<Row> row(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM direct_messages WHERE id = :id")
			.param("id", id)
			.query((rs, i) -> row(rs))
			.optional();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("sender_id"), rs.getLong("receiver_id"), rs.getString("message"),
				rs.getBoolean("is_read"), rs.getObject("read_at", LocalDateTime.class),
				rs.getObject("created_at", LocalDateTime.class), rs.getObject("deleted_at", LocalDateTime.class));
	}

	private MessageView view(ResultSet rs, long me) throws SQLException {
		return row(rs).view(me, now());
	}

	private static Instant instant(LocalDateTime at) {
		return at == null ? null : at.toInstant(ZoneOffset.UTC);
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
