package org.mentorhub.platform;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.TokenHashing;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal access tokens planted directly (the token itself is known only to the test). */
public final class TestTokens {

	private TestTokens() {
	}

	/** A token of the account with the scopes ("read", "read write"), valid for a day. */
	public static String plant(JdbcClient jdbc, Account owner, String scopes) {
		String token = "mh_" + TokenHashing.newToken();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO personal_access_tokens (user_id, name, token_prefix, token_hash, scopes, expires_at, created_at) "
				+ "VALUES (:u, 'test token', :p, :h, :s, :e, :now)")
			.param("u", owner.id())
			.param("p", token.substring(0, 11))
			.param("h", TokenHashing.sha256Hex(token))
			.param("s", scopes)
			.param("e", now.plusDays(1))
			.param("now", now)
			.update();
		return token;
	}

}
