package org.mentorhub.identity.sso;

import org.mentorhub.platform.SealedColumn;
import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The institutions' single sign-on client secrets, sealed in {@code institution_sso.client_secret_sealed}
 * (each bound to its institution), re-sealed by the key rotation.
 */
@Component
class SsoClientSecretSeals extends SealedColumn {

	SsoClientSecretSeals(JdbcClient jdbc, SecretBox box) {
		super(jdbc, box, "institution_sso.client_secret_sealed", """
				SELECT COUNT(*) FROM institution_sso
				WHERE client_secret_sealed IS NOT NULL AND client_secret_key_id <> :key""", """
				SELECT institution_id, client_secret_key_id, client_secret_sealed FROM institution_sso
				WHERE client_secret_sealed IS NOT NULL AND client_secret_key_id <> :key AND institution_id > :after
				ORDER BY institution_id LIMIT :limit FOR UPDATE""",
				"UPDATE institution_sso SET client_secret_sealed = :value, client_secret_key_id = :key WHERE institution_id = :id");
	}

	@Override
	protected String contextOf(long institutionId) {
		return InstitutionClientRegistrations.secretContext(institutionId);
	}

}
