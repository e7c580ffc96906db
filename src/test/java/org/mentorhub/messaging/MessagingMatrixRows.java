package org.mentorhub.messaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the messaging pages and API. A conversation, a message and a request belong to their
 * two people only: only the owner's own are reachable (administrators included; nobody browses other
 * people's conversations). Anyone of the caller's institution may be asked to connect or blocked; a
 * message may be sent to the owner's own contact, and by a manager to anyone in their scope. The
 * platform administrator, of no institution, has nobody to connect with or write to. An owner without
 * an institution is replaced by a stranger mentee, as in the goal rows.
 */
public class MessagingMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final RecordSnapshot CONNECTION_STATE = new RecordSnapshot(
			"SELECT requester_id, receiver_id, status FROM user_connections WHERE id = :id");

	static final RecordSnapshot PERSON_STATE = new RecordSnapshot("""
			SELECT (SELECT COUNT(*) FROM user_connections WHERE requester_id = :id OR receiver_id = :id) AS connections,
			       (SELECT COUNT(*) FROM user_connections WHERE (requester_id = :id OR receiver_id = :id) AND status = 'ACCEPTED') AS accepted,
			       (SELECT COUNT(*) FROM user_blocks WHERE blocker_id = :id OR blocked_id = :id) AS blocks,
			       (SELECT COUNT(*) FROM direct_messages WHERE sender_id = :id OR receiver_id = :id) AS messages
			FROM institutions WHERE id = (SELECT institution_id FROM users WHERE id = :id)""");

	/** The owner, or a stranger mentee for an owner without an institution. */
	static Account keeper(Matrix.World world, Account owner) {
		return owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
	}

	/** A new mentee of the owner's institution and department. */
	static Account colleagueOf(Matrix.World world, Account owner) {
		JdbcClient jdbc = world.jdbc();
		String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", owner.institutionId())
			.query(String.class).single();
		String department = owner.departmentId() == null ? null
				: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", owner.departmentId())
					.query(String.class).single();
		return TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
	}

	/** A person of the owner's institution and department; id: the person, marker: the conversation id of the two (its link). */
	static Target contact(Matrix.World world, Account owner, String marker, boolean connected) {
		Account keeper = keeper(world, owner);
		Account person = colleagueOf(world, keeper);
		if (connected) {
			MessagingFixtures.connect(world.jdbc(), keeper, person);
		}
		// The marker is the conversation id of the two: the "write" link leads there.
		return PERSON_STATE.take(world, new Target(String.valueOf(person.id()),
				MessagingFixtures.conversation(keeper, person)));
	}

	/** Somebody of the owner's institution and department, connected with the owner (target id: the person). */
	static final Fixture CONTACT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			return contact(world, owner, marker, true);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return PERSON_STATE.changes(world, target);
		}

	};

	/** Somebody of the owner's institution and department, not connected (target id: the person). */
	static final Fixture COLLEAGUE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			return contact(world, owner, marker, false);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return PERSON_STATE.changes(world, target);
		}

	};

	/** Somebody the owner blocked (target id: the person). */
	static final Fixture BLOCKED = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Account keeper = keeper(world, owner);
			Account person = colleagueOf(world, keeper);
			world.jdbc().sql("INSERT INTO user_blocks (blocker_id, blocked_id) VALUES (:a, :b)")
				.param("a", keeper.id()).param("b", person.id()).update();
			return PERSON_STATE.take(world, new Target(String.valueOf(person.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return PERSON_STATE.changes(world, target);
		}

	};

	/** What a conversation fixture remembers: the conversation and its two messages. */
	record Planted(String conversation, long received, long sent) {
	}

	static Planted conversation(Matrix.World world, Account owner, String marker) {
		Account keeper = keeper(world, owner);
		Account partner = colleagueOf(world, keeper);
		MessagingFixtures.connect(world.jdbc(), keeper, partner);
		long received = MessagingFixtures.message(world.jdbc(), partner, keeper, "Received " + marker, 3);
		long sent = MessagingFixtures.message(world.jdbc(), keeper, partner, "Sent " + marker, 2);
		return new Planted(MessagingFixtures.conversation(keeper, partner), received, sent);
	}

	/** A conversation of the owner with a connected partner (target id: the conversation). */
	static final Fixture CONVERSATION = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Planted planted = conversation(world, owner, marker);
			return new Target(planted.conversation(), marker);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return state(world, target);
		}

	};

	/** A message the owner received (target id: conversation/message). */
	static final Fixture RECEIVED = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Planted planted = conversation(world, owner, marker);
			return new Target(planted.conversation() + "/" + planted.received(), marker);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return state(world, target);
		}

	};

	/** A message the owner sent a few minutes ago (target id: conversation/message). */
	static final Fixture SENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Planted planted = conversation(world, owner, marker);
			return new Target(planted.conversation() + "/" + planted.sent(), marker);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return state(world, target);
		}

	};

	/** A pending request to the owner, with the marker in its note (target id: the request). */
	static final Fixture REQUEST = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Account keeper = keeper(world, owner);
			long id = MessagingFixtures.connection(world.jdbc(), colleagueOf(world, keeper), keeper, "PENDING",
					"Note " + marker);
			return CONNECTION_STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return CONNECTION_STATE.changes(world, target);
		}

	};

	/** An accepted connection of the owner (target id: the connection). */
	static final Fixture CONNECTION = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Account keeper = keeper(world, owner);
			long id = MessagingFixtures.connection(world.jdbc(), keeper, colleagueOf(world, keeper), "ACCEPTED",
					"Note " + marker);
			return CONNECTION_STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return CONNECTION_STATE.changes(world, target);
		}

	};

	/** Messages of the conversation's people changed (sent, read or deleted)? */
	static String state(Matrix.World world, Target target) {
		String conversation = target.id().contains("/") ? target.id().substring(0, target.id().indexOf('/')) : target.id();
		long low = Long.parseLong(conversation.substring(0, conversation.indexOf('-')));
		long high = Long.parseLong(conversation.substring(conversation.indexOf('-') + 1));
		String counts = world.jdbc().sql("""
				SELECT COUNT(*), SUM(CASE WHEN is_read = TRUE THEN 1 ELSE 0 END),
				       SUM(CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END)
				FROM direct_messages
				WHERE (sender_id = :low AND receiver_id = :high) OR (sender_id = :high AND receiver_id = :low)""")
			.param("low", low).param("high", high)
			.query((rs, i) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3)).single();
		return "2/0/0".equals(counts) ? null : "messages, read, deleted: " + counts;
	}

	static String conversationOf(Target target) {
		return target.id().substring(0, target.id().indexOf('/'));
	}

	static String messageOf(Target target) {
		return target.id().substring(target.id().indexOf('/') + 1);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		// The network.
		rows.add(Endpoint.get("/network").lists(REQUEST).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/connections").lists(REQUEST).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/connections/suggestions").allow(Persona.SIGNED_IN));
		rows.add(Endpoint.post("/network/requests").on(COLLEAGUE).uri(t -> "/network/requests")
			.form(t -> new String[] { "personId", t.id(), "note", "Hello" })
			.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.post("/api/v1/connections").on(COLLEAGUE).uri(t -> "/api/v1/connections")
			.json(t -> "{\"personId\":" + t.id() + "}")
			.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.post("/network/{id:\\d+}/accept").on(REQUEST).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/connections/{id}/accept").on(REQUEST).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/network/{id:\\d+}/reject").on(REQUEST).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/connections/{id}/reject").on(REQUEST).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/network/{id:\\d+}/remove").on(CONNECTION).allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/connections/{id}").on(CONNECTION).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/network/people/{personId:\\d+}/block").on(COLLEAGUE)
			.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.post("/api/v1/blocks").on(COLLEAGUE).uri(t -> "/api/v1/blocks")
			.json(t -> "{\"personId\":" + t.id() + "}")
			.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.post("/network/people/{personId:\\d+}/unblock").on(BLOCKED).allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/blocks/{personId}").on(BLOCKED).allow(MEMBERS, OWN));
		// Conversations.
		rows.add(Endpoint.get("/messages").lists(CONVERSATION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/conversations").lists(CONVERSATION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/messages/unread").allow(Persona.SIGNED_IN));
		rows.add(Endpoint.get("/messages/with/{personId:\\d+}").with(CONTACT)
			.uri(t -> "/messages/with/" + t.id()).allow(MEMBERS));
		rows.add(Endpoint.get("/messages/{conversationId:\\d+-\\d+}").on(CONVERSATION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/messages/{conversationId:\\d+-\\d+}/newer").on(CONVERSATION)
			.header("HX-Request", "true").allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/conversations/{conversationId}/messages").on(CONVERSATION).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/conversations/{conversationId}/read").on(CONVERSATION).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/messages/{conversationId:\\d+-\\d+}").on(CONVERSATION).form("text", "Hello")
			.allow(MEMBERS, OWN));
		// A message to a person: the owner's contact, or anyone in a manager's scope.
		rows.add(Endpoint.post("/api/v1/messages").on(CONTACT).uri(t -> "/api/v1/messages")
			.json(t -> "{\"personId\":" + t.id() + ",\"text\":\"Hello\"}")
			.allow(MEMBERS, OWN)
			.allow(Persona.ADMIN, OTHER_USER, OTHER_DEPARTMENT)
			.allow(Persona.COORDINATOR, OTHER_USER));
		rows.add(Endpoint.post("/messages/{conversationId:\\d+-\\d+}/{messageId:\\d+}/delete").on(SENT)
			.uri(t -> "/messages/" + conversationOf(t) + "/" + messageOf(t) + "/delete").allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/messages/{id}").on(SENT).uri(t -> "/api/v1/messages/" + messageOf(t))
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/messages/{conversationId:\\d+-\\d+}/{messageId:\\d+}/report").on(RECEIVED)
			.uri(t -> "/messages/" + conversationOf(t) + "/" + messageOf(t) + "/report").form("reason", "Rude")
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/messages/{id}/report").on(RECEIVED)
			.uri(t -> "/api/v1/messages/" + messageOf(t) + "/report").json("{\"reason\":\"Rude\"}")
			.allow(MEMBERS, OWN));
		return rows;
	}

}
