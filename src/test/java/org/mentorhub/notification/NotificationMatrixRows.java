package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;

import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the notification centre, its API and the delivery settings: every signed-in person
 * reads and marks their own notifications only. The marker is in the title of an unread notification
 * of the owner, and its link (where opening it leads); a refused mark must leave it unread.
 */
public class NotificationMatrixRows implements Matrix.Rows {

	static final RecordSnapshot NOTIFICATION = new RecordSnapshot(
			"SELECT id, title, read_at FROM notifications WHERE id = :id");

	static final Fixture UNREAD = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			world.jdbc()
				.sql("INSERT INTO notifications (user_id, type, title, body, payload, link_url) "
						+ "VALUES (:u, 'SESSION_CONFIRMED', :t, 'Body', '{}', :link)")
				.param("u", owner.id())
				.param("link", "/sessions?n=" + marker)
				.param("t", "Notice " + marker)
				.update();
			long id = world.jdbc()
				.sql("SELECT MAX(id) FROM notifications WHERE user_id = :u")
				.param("u", owner.id())
				.query(Long.class)
				.single();
			return NOTIFICATION.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return NOTIFICATION.changes(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(Endpoint.get("/notifications").lists(UNREAD).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.get("/api/v1/notifications").lists(UNREAD).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.get("/api/v1/notifications/unread-count").allow(Persona.SIGNED_IN));
		rows.add(Endpoint.get("/api/v1/notifications/{id}").on(UNREAD).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.get("/notifications/{id:\\d+}/open").on(UNREAD)
			.uri(t -> "/notifications/" + t.id() + "/open")
			.allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/notifications/{id:\\d+}/read").on(UNREAD).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/api/v1/notifications/{id}/read").on(UNREAD).allow(Persona.SIGNED_IN, OWN));
		// Marking all read marks the caller's own (planted for the caller); NotificationIntegrationTests shows that
		// another person's stay unread.
		rows.add(Endpoint.post("/notifications/read-all").with(UNREAD).allow(Persona.SIGNED_IN));
		rows.add(Endpoint.post("/api/v1/notifications/read-all").with(UNREAD).allow(Persona.SIGNED_IN));
		rows.add(Endpoint.get("/account/notifications").allow(Persona.SIGNED_IN));
		rows.add(Endpoint.post("/account/notifications").form("channel.SESSION_CONFIRMED", "EMAIL")
			.allow(Persona.SIGNED_IN));
		rows.add(Endpoint.get("/api/v1/notifications/preferences").allow(Persona.SIGNED_IN));
		rows.add(Endpoint.put("/api/v1/notifications/preferences")
			.json("{\"channels\":{\"SESSION_CONFIRMED\":\"EMAIL\"}}")
			.allow(Persona.SIGNED_IN));
		return rows;
	}

}
