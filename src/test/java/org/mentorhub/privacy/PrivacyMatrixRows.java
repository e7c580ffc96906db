package org.mentorhub.privacy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mentorhub.attachment.TestFiles;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Target;

import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the privacy page and API (issue 22): everyone signed in has their own downloads, record of
 * disclosures and consents, and nobody else's: anyone else's download, its status or its link is "not found"
 * and leaks nothing.
 */
public class PrivacyMatrixRows implements Matrix.Rows {

	/** A failed download of the owner; the marker is its failure reason. */
	static final Fixture FAILED_EXPORT = (world, owner, marker) -> {
		world.jdbc()
			.sql("INSERT INTO privacy_exports (user_id, status, failure_reason, created_at) VALUES (?, 'FAILED', ?, ?)")
			.param(owner.id())
			.param(marker)
			.param(LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return new Target(String.valueOf(world.jdbc().sql("SELECT MAX(id) FROM privacy_exports WHERE user_id = ?")
			.param(owner.id()).query(Long.class).single()), marker);
	};

	/** A ready download of the owner whose ZIP (in the file store) is the marker; the id is its single-use token. */
	static final Fixture READY_EXPORT = (world, owner, marker) -> {
		String token = TokenHashing.newToken();
		byte[] zip = marker.getBytes(StandardCharsets.UTF_8);
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		world.jdbc()
			.sql("""
					INSERT INTO privacy_exports (user_id, status, token_hash, archive_key, size_bytes, created_at, ready_at,
					                             expires_at)
					VALUES (?, 'READY', ?, ?, ?, ?, ?, ?)""")
			.param(owner.id())
			.param(TokenHashing.sha256Hex(token))
			.param(TestFiles.plantArchive(zip))
			.param(zip.length)
			.param(now)
			.param(now)
			.param(now.plusHours(1))
			.update();
		return new Target(token, marker);
	};

	/** A read of the owner's education record by someone unknown; the marker is the record's id. */
	static final Fixture DISCLOSURE = (world, owner, marker) -> {
		world.jdbc()
			.sql("""
					INSERT INTO audit_logs (user_id, action, entity, entity_id, subject_user_id, created_at)
					VALUES (NULL, 'GOAL_READ', 'goals', ?, ?, ?)""")
			.param(marker)
			.param(owner.id())
			.param(LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return new Target(marker, marker);
	};

	/** A directory-listing consent of the caller (a fresh account; a shared one for anonymous callers); the id is its kind. */
	static final Fixture CONSENT = (world, owner, marker) -> {
		// Anonymous callers plant on a shared account, once per row: plant afresh.
		world.jdbc().sql("DELETE FROM privacy_consents WHERE user_id = ?").param(owner.id()).update();
		world.jdbc()
			.sql("INSERT INTO privacy_consents (user_id, kind, given_at, text_version) VALUES (?, 'DIRECTORY_VISIBILITY', ?, ?)")
			.param(owner.id())
			.param(LocalDateTime.now(ZoneOffset.UTC))
			.param("directory-v1")
			.update();
		return new Target("DIRECTORY_VISIBILITY", marker);
	};

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/account/privacy").allow(SIGNED_IN),
				Endpoint.post("/account/privacy/exports").asFreshAccount().allow(SIGNED_IN),
				Endpoint.get("/account/privacy/exports/{id}").on(FAILED_EXPORT).header("HX-Request", "true")
					.allow(SIGNED_IN, OWN),
				Endpoint.get("/account/privacy/exports/download/{token}").on(READY_EXPORT)
					.uri(target -> "/account/privacy/exports/download/" + target.id())
					.allow(SIGNED_IN, OWN),
				Endpoint.post("/account/privacy/consents/{kind}/withdraw").with(CONSENT).asFreshAccount()
					.uri(target -> "/account/privacy/consents/" + target.id() + "/withdraw")
					.allow(SIGNED_IN),
				Endpoint.post("/api/v1/privacy/exports").asFreshAccount().allow(SIGNED_IN),
				Endpoint.get("/api/v1/privacy/exports").lists(FAILED_EXPORT).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/privacy/exports/{id}").on(FAILED_EXPORT).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/privacy/exports/download/{token}").on(READY_EXPORT)
					.uri(target -> "/api/v1/privacy/exports/download/" + target.id())
					.allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/privacy/disclosures").lists(DISCLOSURE).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/privacy/consents").allow(SIGNED_IN),
				Endpoint.delete("/api/v1/privacy/consents/{kind}").with(CONSENT).asFreshAccount()
					.uri(target -> "/api/v1/privacy/consents/" + target.id())
					.allow(SIGNED_IN));
	}

}
