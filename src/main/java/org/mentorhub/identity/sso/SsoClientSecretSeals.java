package org.mentorhub.identity.sso;

import java.util.List;

import org.mentorhub.platform.ResealBatch;
import org.mentorhub.platform.SealedValues;
import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institutions' single sign-on client secrets, sealed in {@code institution_sso.client_secret_sealed}
 * (each bound to its institution), re-sealed by the key rotation.
 */
@Component
class SsoClientSecretSeals implements SealedValues {

	private final JdbcClient jdbc;

	private final SecretBox box;

	SsoClientSecretSeals(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	public String name() {
		return "institution_sso.client_secret_sealed";
	}

	@Override
	@Transactional(readOnly = true)
	public long countSealedWithOtherKeys(String activeKeyId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM institution_sso
				WHERE client_secret_sealed IS NOT NULL AND client_secret_key_id <> :key""")
			.param("key", activeKeyId)
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional
	public ResealBatch resealAfter(long afterId, int limit) {
		List<Secret> rows = this.jdbc.sql("""
				SELECT institution_id, client_secret_key_id, client_secret_sealed FROM institution_sso
				WHERE client_secret_sealed IS NOT NULL AND client_secret_key_id <> :key AND institution_id > :after
				ORDER BY institution_id LIMIT :limit FOR UPDATE""")
			.param("key", this.box.activeKeyId())
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, row) -> new Secret(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		return ResealBatch.of(name(), rows, limit, afterId, Secret::institutionId);
	}

	private final class Secret implements ResealBatch.Row {

		private final long institutionId;

		private final String keyId;

		private final String sealed;

		Secret(long institutionId, String keyId, String sealed) {
			this.institutionId = institutionId;
			this.keyId = keyId;
			this.sealed = sealed;
		}

		long institutionId() {
			return this.institutionId;
		}

		@Override
		public void reseal() {
			SecretBox.Sealed again = SsoClientSecretSeals.this.box.reseal(this.keyId, this.sealed,
					InstitutionClientRegistrations.secretContext(this.institutionId));
			SsoClientSecretSeals.this.jdbc.sql("""
					UPDATE institution_sso SET client_secret_sealed = :sealed, client_secret_key_id = :key
					WHERE institution_id = :id""")
				.param("sealed", again.ciphertext())
				.param("key", again.keyId())
				.param("id", this.institutionId)
				.update();
		}

	}

}
