package org.mentorhub.identity.tokens;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mentorhub.identity.TokenHashing;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Target;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;
import static org.mentorhub.security.Matrix.Relation.OWN;

/** Matrix rows of personal access tokens: everyone signed in manages their own tokens, and only those. */
public class AccessTokenMatrixRows implements Matrix.Rows {

	/** An active token of the owner; the marker is in its name. */
	public static final Fixture TOKEN = new Fixture() {

		@Override
		public Target plant(Matrix.World world, org.mentorhub.TestAccounts.Account owner, String marker) {
			LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
			KeyHolder keys = new GeneratedKeyHolder();
			world.jdbc()
				.sql("INSERT INTO personal_access_tokens (user_id, name, token_prefix, token_hash, scopes, expires_at, "
						+ "created_at) VALUES (:user, :name, 'mh_matrix0', :hash, 'read', :expires, :now)")
				.param("user", owner.id())
				.param("name", "token " + marker)
				.param("hash", TokenHashing.sha256Hex(marker))
				.param("expires", now.plusDays(1))
				.param("now", now)
				.update(keys, "id");
			return new Target(String.valueOf(keys.getKeyAs(Number.class).longValue()), marker);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			Long revoked = world.jdbc()
				.sql("SELECT COUNT(*) FROM personal_access_tokens WHERE id = :id AND revoked_at IS NOT NULL")
				.param("id", Long.parseLong(target.id()))
				.query(Long.class)
				.single();
			return revoked > 0 ? "the token was revoked" : null;
		}

	};

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/account/tokens").lists(TOKEN).allow(SIGNED_IN, OWN),
				Endpoint.post("/account/tokens").form("name", "matrix token", "scopes", "read", "days", "7").allow(SIGNED_IN),
				Endpoint.post("/account/tokens/{id}/revoke").on(TOKEN).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/account/tokens").lists(TOKEN).allow(SIGNED_IN, OWN),
				Endpoint.post("/api/v1/account/tokens")
					.json("{\"name\":\"matrix token\",\"scopes\":[\"read\"],\"expiresInDays\":7}")
					.allow(SIGNED_IN),
				Endpoint.delete("/api/v1/account/tokens/{id}").on(TOKEN).allow(SIGNED_IN, OWN));
	}

}
