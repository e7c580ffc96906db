package org.mentorhub.session;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.SecretBox;
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
 * Matrix rows of the notes, action items and feedback (pages and API). A planted session has the
 * owner as its mentee (a mentor of the same department is made for it); the marker is in the owner's
 * private note, in an action item assigned to the owner, or in the owner's feedback. Notes and action
 * items: only the participants. Feedback: the participants, the administrator (institution) and the
 * coordinator (department). The mentor rating summary: the mentor themselves and the managers in scope.
 */
public class SessionNotesMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final RecordSnapshot NOTES = new RecordSnapshot(
			"SELECT id, content, version FROM session_notes WHERE session_id = :id ORDER BY id");

	static final RecordSnapshot ITEMS = new RecordSnapshot(
			"SELECT id, title, status, version FROM action_items WHERE session_id = :id ORDER BY id");

	static final RecordSnapshot FEEDBACK = new RecordSnapshot(
			"SELECT id, rating, comments FROM session_feedback WHERE session_id = :id ORDER BY id");

	/** Note, action item id and the mentee's id by planted session id. */
	static final Map<String, Long> NOTE = new ConcurrentHashMap<>();

	static final Map<String, Long> ITEM = new ConcurrentHashMap<>();

	static final Map<String, Long> MENTEE = new ConcurrentHashMap<>();

	/** A session whose mentee is the owner (a stranger's for an owner without an institution). */
	static long plantSession(Matrix.World world, Account owner, String status) {
		JdbcClient jdbc = world.jdbc();
		Account mentee = owner;
		if (owner.institutionId() == null) {
			mentee = world.stranger(RoleName.MENTEE);
		}
		String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", mentee.institutionId())
			.query(String.class).single();
		String department = mentee.departmentId() == null ? null
				: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", mentee.departmentId())
					.query(String.class).single();
		Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
		long mentorship = SessionNotesFixtures.mentorship(jdbc, mentor, mentee);
		long session = SessionNotesFixtures.session(jdbc, mentorship, mentor.id(), mentee.id(), status,
				"COMPLETED".equals(status) ? LocalDateTime.now(ZoneOffset.UTC) : null);
		MENTEE.put(String.valueOf(session), mentee.id());
		return session;
	}

	static final Fixture NOTE_SESSION = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long session = plantSession(world, owner, "CONFIRMED");
			long mentee = MENTEE.get(String.valueOf(session));
			// A private note of the owner, sealed as the application seals it (the key is the test key file).
			SecretBox box = new SecretBox(new org.mentorhub.platform.CryptoProperties(Map.of(), null,
					java.nio.file.Path.of("target/test-keys")));
			SecretBox.Sealed sealed = box.seal("Private " + marker, SessionNotes.CONTEXT);
			world.jdbc().sql("INSERT INTO session_notes (session_id, created_by_id, content, content_key_id, is_private) "
					+ "VALUES (:s, :u, :c, :k, TRUE)")
				.param("s", session).param("u", mentee).param("c", sealed.ciphertext()).param("k", sealed.keyId()).update();
			long note = world.jdbc().sql("SELECT MAX(id) FROM session_notes WHERE session_id = :s").param("s", session)
				.query(Long.class).single();
			NOTE.put(String.valueOf(session), note);
			return NOTES.take(world, new Target(String.valueOf(session), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return NOTES.changes(world, target);
		}

	};

	static final Fixture ITEM_SESSION = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long session = plantSession(world, owner, "CONFIRMED");
			long mentee = MENTEE.get(String.valueOf(session));
			world.jdbc().sql("INSERT INTO action_items (session_id, assigned_to_id, created_by_id, title, status) "
					+ "VALUES (:s, :u, :u, :t, 'PENDING')")
				.param("s", session).param("u", mentee).param("t", "Item " + marker).update();
			ITEM.put(String.valueOf(session), world.jdbc().sql("SELECT MAX(id) FROM action_items WHERE session_id = :s")
				.param("s", session).query(Long.class).single());
			return ITEMS.take(world, new Target(String.valueOf(session), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return ITEMS.changes(world, target);
		}

	};

	/** A completed session; with the owner's feedback carrying the marker when {@code given}. */
	static Fixture feedbackSession(boolean given) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				long session = plantSession(world, owner, "COMPLETED");
				if (given) {
					world.jdbc().sql("INSERT INTO session_feedback (session_id, giver_id, type, rating, comments, visibility) "
							+ "VALUES (:s, :u, 'MENTEE_TO_MENTOR', 4, :c, 'COORDINATORS')")
						.param("s", session).param("u", MENTEE.get(String.valueOf(session))).param("c", "Feedback " + marker)
						.update();
				}
				return FEEDBACK.take(world, new Target(String.valueOf(session), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return FEEDBACK.changes(world, target);
			}

		};
	}

	static final Fixture FEEDBACK_GIVEN = feedbackSession(true);

	static final Fixture FEEDBACK_OPEN = feedbackSession(false);

	/** The owner as a mentor (target id: the owner's id), named with the marker so that the summary shows it. */
	static final Fixture MENTOR = (world, owner, marker) -> {
		Account mentor = owner.institutionId() == null ? world.stranger(RoleName.MENTOR) : owner;
		world.jdbc().sql("UPDATE users SET full_name = :n WHERE id = :id").param("n", "Mentor " + marker)
			.param("id", mentor.id()).update();
		return new Target(String.valueOf(mentor.id()), marker);
	};

	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		// Notes: participants only; the marker is in the owner's private note.
		rows.add(Endpoint.get("/sessions/{id:\\d+}/notes").on(NOTE_SESSION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/sessions/{id}/notes").on(NOTE_SESSION).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/notes").on(NOTE_SESSION).form("content", "A new note")
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/sessions/{id}/notes").on(NOTE_SESSION).json("{\"content\":\"A new note\"}")
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/notes/{noteId:\\d+}").on(NOTE_SESSION)
			.uri(t -> "/sessions/" + t.id() + "/notes/" + NOTE.get(t.id()))
			.form("content", "Changed", "version", "0").allow(MEMBERS, OWN));
		rows.add(Endpoint.put("/api/v1/sessions/{id}/notes/{noteId}").on(NOTE_SESSION)
			.uri(t -> "/api/v1/sessions/" + t.id() + "/notes/" + NOTE.get(t.id()))
			.json("{\"content\":\"Changed\",\"version\":0}").allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/notes/{noteId:\\d+}/delete").on(NOTE_SESSION)
			.uri(t -> "/sessions/" + t.id() + "/notes/" + NOTE.get(t.id()) + "/delete")
			.form("version", "0").allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/sessions/{id}/notes/{noteId}").on(NOTE_SESSION)
			.uri(t -> "/api/v1/sessions/" + t.id() + "/notes/" + NOTE.get(t.id()) + "?version=0").allow(MEMBERS, OWN));
		// Action items: participants only; my list shows the items assigned to me.
		rows.add(Endpoint.get("/action-items").lists(ITEM_SESSION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/action-items/mine").lists(ITEM_SESSION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/sessions/{id:\\d+}/action-items").on(ITEM_SESSION).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/sessions/{id}/action-items").on(ITEM_SESSION).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/action-items").on(ITEM_SESSION)
			.form(t -> new String[] { "title", "Read a book", "assigneeId", String.valueOf(MENTEE.get(t.id())) })
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/sessions/{id}/action-items").on(ITEM_SESSION)
			.json(t -> "{\"title\":\"Read a book\",\"assigneeId\":" + MENTEE.get(t.id()) + "}").allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/action-items/{itemId:\\d+}").on(ITEM_SESSION)
			.uri(t -> "/sessions/" + t.id() + "/action-items/" + ITEM.get(t.id()))
			.form(t -> new String[] { "title", "Changed", "assigneeId", String.valueOf(MENTEE.get(t.id())), "status",
					"COMPLETED", "version", "0" })
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.put("/api/v1/sessions/{id}/action-items/{itemId}").on(ITEM_SESSION)
			.uri(t -> "/api/v1/sessions/" + t.id() + "/action-items/" + ITEM.get(t.id()))
			.json(t -> "{\"title\":\"Changed\",\"status\":\"COMPLETED\",\"version\":0,\"assigneeId\":" + MENTEE.get(t.id()) + "}")
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/action-items/{itemId:\\d+}/delete").on(ITEM_SESSION)
			.uri(t -> "/sessions/" + t.id() + "/action-items/" + ITEM.get(t.id()) + "/delete")
			.form("version", "0").allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/sessions/{id}/action-items/{itemId}").on(ITEM_SESSION)
			.uri(t -> "/api/v1/sessions/" + t.id() + "/action-items/" + ITEM.get(t.id()) + "?version=0")
			.allow(MEMBERS, OWN));
		// Feedback: participants, and managers in scope, see it; only participants give it.
		rows.add(managers(Endpoint.get("/sessions/{id:\\d+}/feedback").on(FEEDBACK_GIVEN).allow(MEMBERS, OWN)));
		rows.add(managers(Endpoint.get("/api/v1/sessions/{id}/feedback").on(FEEDBACK_GIVEN).allow(MEMBERS, OWN)));
		rows.add(Endpoint.post("/sessions/{id:\\d+}/feedback").on(FEEDBACK_OPEN).form("rating", "4", "comments", "Good")
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/sessions/{id}/feedback").on(FEEDBACK_OPEN).json("{\"rating\":4}")
			.allow(MEMBERS, OWN));
		rows.add(managers(Endpoint.get("/sessions/feedback/summary").on(MENTOR)
			.uri(t -> "/sessions/feedback/summary?mentor=" + t.id()).allow(MEMBERS, OWN)));
		rows.add(managers(Endpoint.get("/api/v1/sessions/feedback/summary").on(MENTOR)
			.uri(t -> "/api/v1/sessions/feedback/summary?mentor=" + t.id()).allow(MEMBERS, OWN)));
		return rows;
	}

}
