package org.mentorhub.integration.microsoft;

import java.util.List;

import org.mentorhub.platform.ResealBatch;
import org.mentorhub.platform.SealedValues;
import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Microsoft 365 tokens, sealed in {@code microsoft_tokens.access_token} and {@code refresh_token} under
 * one key id per row, re-sealed together by the key rotation.
 */
@Component
class MicrosoftTokenSeals implements SealedValues {

	private final JdbcClient jdbc;

	private final SecretBox box;

	MicrosoftTokenSeals(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	public String name() {
		return "microsoft_tokens";
	}

	@Override
	@Transactional(readOnly = true)
	public long countSealedWithOtherKeys(String activeKeyId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM microsoft_tokens WHERE token_key_id IS NOT NULL AND token_key_id <> :key")
			.param("key", activeKeyId)
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional
	public ResealBatch resealAfter(long afterId, int limit) {
		List<Tokens> rows = this.jdbc.sql("""
				SELECT id, token_key_id, access_token, refresh_token FROM microsoft_tokens
				WHERE token_key_id IS NOT NULL AND token_key_id <> :key AND id > :after
				ORDER BY id LIMIT :limit FOR UPDATE""")
			.param("key", this.box.activeKeyId())
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, row) -> new Tokens(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		return ResealBatch.of(name(), rows, limit, afterId, Tokens::id);
	}

	private final class Tokens implements ResealBatch.Row {

		private final long id;

		private final String keyId;

		private final String access;

		private final String refresh;

		Tokens(long id, String keyId, String access, String refresh) {
			this.id = id;
			this.keyId = keyId;
			this.access = access;
			this.refresh = refresh;
		}

		long id() {
			return this.id;
		}

		@Override
		public void reseal() {
			SecretBox box = MicrosoftTokenSeals.this.box;
			SecretBox.Sealed access = box.reseal(this.keyId, this.access, MicrosoftTokens.ACCESS);
			SecretBox.Sealed refresh = this.refresh == null ? null
					: box.reseal(this.keyId, this.refresh, MicrosoftTokens.REFRESH);
			MicrosoftTokenSeals.this.jdbc.sql("""
					UPDATE microsoft_tokens SET access_token = :access, refresh_token = :refresh, token_key_id = :key
					WHERE id = :id""")
				.param("access", access.ciphertext())
				.param("refresh", refresh == null ? null : refresh.ciphertext())
				.param("key", access.keyId())
				.param("id", this.id)
				.update();
		}

	}

}
