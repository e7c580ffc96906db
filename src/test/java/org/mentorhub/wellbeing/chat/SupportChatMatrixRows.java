package org.mentorhub.wellbeing.chat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.platform.CryptoProperties;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;

import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the support chat. A planted chat is the owner's consent and one sealed message
 * carrying the marker; only a new mother reads her own chat, and for everybody else, administrators
 * and the platform administrator included, every route is 404. The crisis settings are the
 * administrators' of their own institution.
 */
public class SupportChatMatrixRows implements Matrix.Rows {

	static final RecordSnapshot CHAT = new RecordSnapshot("""
			SELECT (SELECT COUNT(*) FROM support_chat_messages m WHERE m.user_id = :id) AS messages,
			       (SELECT COUNT(*) FROM support_chat_consents c WHERE c.user_id = :id AND c.withdrawn_at IS NULL) AS consents
			""");

	/** The owner's consent and one sealed message (target id: the owner). */
	static final Fixture MESSAGE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			plantChat(world.jdbc(), owner, "My words " + marker);
			return CHAT.take(world, new Target(String.valueOf(owner.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return CHAT.changes(world, target);
		}

	};

	/** The caller's consent, so that a message may be sent. */
	static final Fixture CONSENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			consent(world.jdbc(), owner);
			return new Target(String.valueOf(owner.id()), marker);
		}

	};

	static void consent(org.springframework.jdbc.core.simple.JdbcClient jdbc, Account owner) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		int updated = jdbc.sql("UPDATE support_chat_consents SET consented_at = :now, withdrawn_at = NULL WHERE user_id = :u")
			.param("now", now).param("u", owner.id()).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO support_chat_consents (user_id, consented_at) VALUES (:u, :now)")
				.param("u", owner.id()).param("now", now).update();
		}
	}

	static void plantChat(org.springframework.jdbc.core.simple.JdbcClient jdbc, Account owner, String text) {
		consent(jdbc, owner);
		// Sealed as the application seals it (the key is the tests' generated key file).
		SecretBox box = new SecretBox(new CryptoProperties(Map.of(), null, Path.of("target/test-keys")));
		SecretBox.Sealed sealed = box.seal(text, SupportChat.CONTEXT);
		jdbc.sql("""
				INSERT INTO support_chat_messages (user_id, message, message_key_id, is_from_user, crisis_detected, created_at)
				VALUES (:u, :m, :k, TRUE, FALSE, :at)""")
			.param("u", owner.id()).param("m", sealed.ciphertext()).param("k", sealed.keyId())
			.param("at", LocalDateTime.now(ZoneOffset.UTC)).update();
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(Endpoint.get("/support-chat").lists(MESSAGE).allow(java.util.Set.of(Persona.NEW_MOTHER), OWN));
		rows.add(Endpoint.get("/api/v1/support-chat").lists(MESSAGE).allow(java.util.Set.of(Persona.NEW_MOTHER), OWN));
		rows.add(Endpoint.get("/support-chat/consent").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.get("/support-chat/mood").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.get("/api/v1/support-chat/mood").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.post("/support-chat/consent").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.put("/api/v1/support-chat/consent").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.post("/support-chat/consent/withdraw").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.delete("/api/v1/support-chat/consent").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.post("/support-chat/history/delete").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.delete("/api/v1/support-chat/messages").allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.post("/support-chat/messages").with(CONSENT).form("message", "Hello")
			.allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.post("/api/v1/support-chat/messages").with(CONSENT).json("{\"message\":\"Hello\"}")
			.allow(java.util.Set.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.get("/api/v1/support-chat/settings").allow(java.util.Set.of(Persona.ADMIN)));
		rows.add(Endpoint.put("/api/v1/support-chat/settings").json("{\"helpLines\":[]}").allow(java.util.Set.of(Persona.ADMIN)));
		return rows;
	}

}
