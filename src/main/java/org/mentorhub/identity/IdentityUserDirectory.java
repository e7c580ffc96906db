package org.mentorhub.identity;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.UserDirectory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's answer to {@link UserDirectory}: ids and e-mail addresses, nothing more. */
@Component
class IdentityUserDirectory implements UserDirectory {

	private final JdbcClient jdbc;

	IdentityUserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> findIdByLogin(String login) {
		if (login == null || login.isBlank()) {
			return Optional.empty();
		}
		String value = login.strip().toLowerCase(Locale.ROOT);
		Optional<Long> byEmail = this.jdbc.sql("SELECT id FROM users WHERE email = :login")
			.param("login", value)
			.query(Long.class)
			.optional();
		return byEmail.isPresent() ? byEmail
				: this.jdbc.sql("SELECT id FROM users WHERE username = :login")
					.param("login", value)
					.query(Long.class)
					.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> emailsOf(Collection<Long> ids) {
		Map<Long, String> emails = new HashMap<>();
		if (ids.isEmpty()) {
			return emails;
		}
		this.jdbc.sql("SELECT id, email FROM users WHERE id IN (:ids)")
			.param("ids", ids)
			.query((RowCallbackHandler) rs -> emails.put(rs.getLong("id"), rs.getString("email")));
		return emails;
	}

	@Override
	@Transactional(readOnly = true)
	public ZoneId zoneOf(long id) {
		return this.jdbc.sql("SELECT time_zone FROM users WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.filter(zone -> ZoneId.getAvailableZoneIds().contains(zone))
			.map(ZoneId::of)
			.orElse(ZoneOffset.UTC);
	}

}
