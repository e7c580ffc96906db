package org.mentorhub.messaging;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.identity.Person;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections between the people of one institution: a request (with an optional note) that its
 * receiver accepts or rejects, removed later by either side; blocks; the network page and the
 * suggestions. One row per pair whichever way it was asked ({@code uq_user_connections_pair} on the
 * ordered pair): when two requests race, the database lets one in, and the other <em>meets</em> it.
 * A request from the other side accepts the pending one; a second request from the same side is 409.
 * A rejected request stays rejected for the one who asked (409), while the one who rejected may ask
 * in their turn.
 */
@Service
public class Connections {

	/** The longest note of a request. */
	public static final int MAX_NOTE = 500;

	/** The most suggestions shown. */
	public static final int MAX_SUGGESTIONS = 20;

	static final String PENDING = "PENDING";

	static final String ACCEPTED = "ACCEPTED";

	static final String REJECTED = "REJECTED";

	private final JdbcClient jdbc;

	private final MessagingAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	Connections(JdbcClient jdbc, MessagingAccess access, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	private record Row(long id, long requesterId, long receiverId, String status, String note, LocalDateTime createdAt) {
	}

	/**
	 * Asks {@code personId} to connect. Returns the connection: PENDING, or ACCEPTED when it met the
	 * other person's pending request. 409 when already connected or asked, or when the other person
	 * rejected the caller's request; 403 when either blocked the other.
	 */
	public ConnectionView request(long personId, String note) {
		MessagingAccess.Caller caller = this.access.caller();
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "A note has at most " + MAX_NOTE + " characters.");
		}
		Person other = this.access.other(caller, personId);
		if (this.access.blockedEitherWay(caller.id(), other.id())) {
			throw new MessagingRefusedException("You cannot connect with this person.");
		}
		// MariaDB may pick one of several racing requests of the same pair as a deadlock victim (the
		// duplicate-key check takes a shared lock that the accepting update then waits on); its transaction
		// was rolled back whole, so it is simply tried again.
		for (int attempt = 1;; attempt++) {
			try {
				return requestOnce(caller, other, text);
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private ConnectionView requestOnce(MessagingAccess.Caller caller, Person other, String text) {
		try {
			// Read back inside the transaction: once it commits the other person may already have accepted.
			return this.tx.execute(status -> view(caller.id(),
					find(insert(caller.id(), other.id(), text)).orElseThrow(), other.fullName()));
		}
		catch (DuplicateKeyException ex) {
			// The pair has a row already: this request meets it (the unique constraint decided between racing requests).
			return this.tx.execute(status -> meet(caller.id(), other, text));
		}
	}

	private long insert(long me, long other, String note) {
		LocalDateTime now = now();
		this.jdbc.sql("""
				INSERT INTO user_connections (requester_id, receiver_id, user_low_id, user_high_id, status, note,
				                              created_at, updated_at)
				VALUES (:me, :other, :low, :high, 'PENDING', :note, :now, :now)""")
			.param("me", me)
			.param("other", other)
			.param("low", Math.min(me, other))
			.param("high", Math.max(me, other))
			.param("note", note.isEmpty() ? null : note)
			.param("now", now)
			.update();
		long id = pair(me, other).orElseThrow().id();
		this.events.publishEvent(new ConnectionRequested(id, me, other));
		return id;
	}

	private ConnectionView meet(long me, Person other, String note) {
		Row row = pair(me, other.id()).orElseThrow(() -> new StateTransitionException(
				"The connection changed while you asked; reload and try again."));
		if (ACCEPTED.equals(row.status())) {
			throw new StateTransitionException("You are already connected.");
		}
		if (PENDING.equals(row.status()) && row.requesterId() == me) {
			throw new StateTransitionException("You have already asked this person to connect.");
		}
		if (PENDING.equals(row.status())) {
			// The other person asked first: asking back accepts their request.
			if (transition(row.id(), me, PENDING, ACCEPTED) == 0) {
				throw new StateTransitionException("The connection changed while you asked; reload and try again.");
			}
			this.events.publishEvent(new ConnectionAccepted(row.id(), row.requesterId(), me));
			return view(me, find(row.id()).orElseThrow(), other.fullName());
		}
		if (row.requesterId() == me) {
			throw new StateTransitionException("This person declined your request.");
		}
		// The caller rejected the other's request before and now asks in turn: the row becomes their request.
		int changed = this.jdbc.sql("""
				UPDATE user_connections SET requester_id = :me, receiver_id = :other, status = 'PENDING', note = :note,
				       created_at = :now, updated_at = :now
				WHERE id = :id AND status = 'REJECTED' AND receiver_id = :me""")
			.param("me", me)
			.param("other", other.id())
			.param("note", note.isEmpty() ? null : note)
			.param("now", now())
			.param("id", row.id())
			.update();
		if (changed == 0) {
			throw new StateTransitionException("The connection changed while you asked; reload and try again.");
		}
		this.events.publishEvent(new ConnectionRequested(row.id(), me, other.id()));
		return view(me, find(row.id()).orElseThrow(), other.fullName());
	}

	/** Accepts a request sent to the caller; anything else is "not found", a request no longer pending 409. */
	@Transactional
	public ConnectionView accept(long connectionId) {
		return answer(connectionId, ACCEPTED);
	}

	/** Rejects a request sent to the caller; anything else is "not found", a request no longer pending 409. */
	@Transactional
	public ConnectionView reject(long connectionId) {
		return answer(connectionId, REJECTED);
	}

	private ConnectionView answer(long connectionId, String to) {
		MessagingAccess.Caller caller = this.access.caller();
		Row row = find(connectionId).filter(r -> r.receiverId() == caller.id())
			.orElseThrow(() -> new NotFoundException("Connection request not found"));
		if (!PENDING.equals(row.status()) || transition(row.id(), caller.id(), PENDING, to) == 0) {
			throw new StateTransitionException("This request has already been answered.");
		}
		if (ACCEPTED.equals(to)) {
			this.events.publishEvent(new ConnectionAccepted(row.id(), row.requesterId(), caller.id()));
		}
		String name = this.access.people().names(List.of(row.requesterId())).getOrDefault(row.requesterId(), "");
		return view(caller.id(), find(row.id()).orElseThrow(), name);
	}

	private int transition(long id, long receiverId, String from, String to) {
		return this.jdbc.sql("""
				UPDATE user_connections SET status = :to, updated_at = :now
				WHERE id = :id AND status = :from AND receiver_id = :receiver""")
			.param("to", to)
			.param("now", now())
			.param("id", id)
			.param("from", from)
			.param("receiver", receiverId)
			.update();
	}

	/**
	 * Removes a connection or withdraws a request, by either of its two people (a request that was
	 * rejected may be removed by the one who rejected it, so that the other may ask again); "not found" for anyone else.
	 */
	@Transactional
	public void remove(long connectionId) {
		MessagingAccess.Caller caller = this.access.caller();
		Row row = find(connectionId).filter(r -> r.requesterId() == caller.id() || r.receiverId() == caller.id())
			.orElseThrow(() -> new NotFoundException("Connection not found"));
		if (REJECTED.equals(row.status()) && row.requesterId() == caller.id()) {
			// Otherwise the one who was declined could remove the refusal and ask again at once.
			throw new NotFoundException("Connection not found");
		}
		this.jdbc.sql("DELETE FROM user_connections WHERE id = :id").param("id", row.id()).update();
	}

	/**
	 * Blocks a person of the caller's institution: any connection or request between the two goes, and
	 * neither sees the other in suggestions, nor may ask to connect or write. Blocking twice is harmless.
	 */
	@Transactional
	public void block(long personId) {
		MessagingAccess.Caller caller = this.access.caller();
		Person other = this.access.other(caller, personId);
		long already = this.jdbc.sql("SELECT COUNT(*) FROM user_blocks WHERE blocker_id = :me AND blocked_id = :other")
			.param("me", caller.id())
			.param("other", other.id())
			.query(Long.class)
			.single();
		if (already == 0) {
			try {
				this.jdbc.sql("INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (:me, :other, :now)")
					.param("me", caller.id())
					.param("other", other.id())
					.param("now", now())
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new StateTransitionException("You have already blocked this person.");
			}
		}
		this.jdbc.sql("DELETE FROM user_connections WHERE user_low_id = :low AND user_high_id = :high")
			.param("low", Math.min(caller.id(), other.id()))
			.param("high", Math.max(caller.id(), other.id()))
			.update();
	}

	/** Lifts the caller's block of a person; "not found" when there is none. */
	@Transactional
	public void unblock(long personId) {
		MessagingAccess.Caller caller = this.access.caller();
		int removed = this.jdbc.sql("DELETE FROM user_blocks WHERE blocker_id = :me AND blocked_id = :other")
			.param("me", caller.id())
			.param("other", personId)
			.update();
		if (removed == 0) {
			throw new NotFoundException("Block not found");
		}
	}

	/** The caller's network: connections, requests received and sent, blocked people; three queries. */
	@Transactional(readOnly = true)
	public Network network() {
		MessagingAccess.Caller caller = this.access.caller();
		List<ConnectionView> connections = new ArrayList<>();
		List<ConnectionView> received = new ArrayList<>();
		List<ConnectionView> sent = new ArrayList<>();
		this.jdbc.sql("""
				SELECT c.id, c.requester_id, c.receiver_id, c.status, c.note, c.created_at, p.id AS person_id,
				       p.full_name
				FROM user_connections c
				JOIN identity_people p ON p.id = CASE WHEN c.requester_id = :me THEN c.receiver_id ELSE c.requester_id END
				WHERE (c.requester_id = :me OR c.receiver_id = :me) AND c.status IN ('PENDING', 'ACCEPTED')
				ORDER BY c.created_at DESC, c.id DESC""")
			.param("me", caller.id())
			.query((RowCallbackHandler) rs -> {
				Row row = new Row(rs.getLong("id"), rs.getLong("requester_id"), rs.getLong("receiver_id"),
						rs.getString("status"), rs.getString("note"), rs.getObject("created_at", LocalDateTime.class));
				ConnectionView view = view(caller.id(), row, rs.getString("full_name"));
				if (ACCEPTED.equals(row.status())) {
					connections.add(view);
				}
				else if (row.requesterId() == caller.id()) {
					sent.add(view);
				}
				else {
					received.add(view);
				}
			});
		connections.sort(Comparator.comparing(ConnectionView::personName, String.CASE_INSENSITIVE_ORDER));
		List<Network.PersonRef> blocked = this.jdbc.sql("""
				SELECT p.id, p.full_name FROM user_blocks b JOIN identity_people p ON p.id = b.blocked_id
				WHERE b.blocker_id = :me ORDER BY p.full_name, p.id""")
			.param("me", caller.id())
			.query((rs, i) -> new Network.PersonRef(rs.getLong("id"), rs.getString("full_name")))
			.list();
		return new Network(connections, received, sent, blocked);
	}

	/**
	 * People the caller may know, with the reasons: the same department, shared skills or interests.
	 * (Shared support groups would be a third reason; groups do not exist yet.) Never the caller, their
	 * connections or requests, nor anyone blocked either way. A fixed number of queries.
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> suggestions() {
		MessagingAccess.Caller caller = this.access.caller();
		if (caller.institutionId() == null) {
			return List.of();
		}
		Set<Long> excluded = new HashSet<>(this.access.blockedAround(caller.id()));
		excluded.add(caller.id());
		this.jdbc.sql("""
				SELECT CASE WHEN requester_id = :me THEN receiver_id ELSE requester_id END FROM user_connections
				WHERE requester_id = :me OR receiver_id = :me""")
			.param("me", caller.id())
			.query(Long.class)
			.list()
			.forEach(excluded::add);
		Map<Long, String> names = new LinkedHashMap<>();
		Set<Long> department = new HashSet<>();
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		if (caller.departmentId() != null) {
			this.jdbc.sql("""
					SELECT id, full_name FROM identity_people
					WHERE institution_id = :inst AND department_id = :dept AND status = 'ACTIVE' AND id <> :me
					ORDER BY full_name, id LIMIT 200""")
				.param("inst", caller.institutionId())
				.param("dept", caller.departmentId())
				.param("me", caller.id())
				.query((RowCallbackHandler) rs -> {
					long id = rs.getLong("id");
					if (!excluded.contains(id)) {
						names.put(id, rs.getString("full_name"));
						department.add(id);
					}
				});
		}
		this.jdbc.sql("""
				SELECT DISTINCT theirs.user_id, p.full_name, mine.name
				FROM profile_person_tags mine
				JOIN profile_person_tags theirs ON theirs.tag_id = mine.tag_id AND theirs.user_id <> mine.user_id
				JOIN identity_people p ON p.id = theirs.user_id
				WHERE mine.user_id = :me AND p.institution_id = :inst AND p.status = 'ACTIVE'
				ORDER BY theirs.user_id, mine.name LIMIT 1000""")
			.param("me", caller.id())
			.param("inst", caller.institutionId())
			.query((RowCallbackHandler) rs -> {
				long id = rs.getLong(1);
				if (!excluded.contains(id)) {
					names.putIfAbsent(id, rs.getString(2));
					List<String> shared = tags.computeIfAbsent(id, k -> new ArrayList<>());
					if (!shared.contains(rs.getString(3))) {
						shared.add(rs.getString(3));
					}
				}
			});
		List<Suggestion> suggestions = new ArrayList<>();
		names.forEach((id, name) -> suggestions
			.add(new Suggestion(id, name, department.contains(id), List.copyOf(tags.getOrDefault(id, List.of())))));
		suggestions.sort(Comparator
			.comparingInt((Suggestion s) -> -(s.sharedTags().size() + (s.sameDepartment() ? 1 : 0)))
			.thenComparing(Suggestion::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparingLong(Suggestion::personId));
		return List.copyOf(suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size())));
	}

	private Optional<Row> find(long id) {
		return this.jdbc.sql("""
				SELECT id, requester_id, receiver_id, status, note, created_at FROM user_connections WHERE id = :id""")
			.param("id", id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDateTime.class)))
			.optional();
	}

	private Optional<Row> pair(long a, long b) {
		return this.jdbc.sql("""
				SELECT id, requester_id, receiver_id, status, note, created_at FROM user_connections
				WHERE user_low_id = :low AND user_high_id = :high""")
			.param("low", Math.min(a, b))
			.param("high", Math.max(a, b))
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDateTime.class)))
			.optional();
	}

	private static ConnectionView view(long me, Row row, String otherName) {
		boolean mine = row.requesterId() == me;
		return new ConnectionView(row.id(), mine ? row.receiverId() : row.requesterId(), otherName, row.status(), mine,
				row.note() == null ? "" : row.note(), row.createdAt().toInstant(ZoneOffset.UTC));
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
