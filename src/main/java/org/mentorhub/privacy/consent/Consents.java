package org.mentorhub.privacy.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.privacy.ConsentGiven;
import org.mentorhub.platform.privacy.ConsentKind;
import org.mentorhub.platform.privacy.ConsentWithdrawalRequested;
import org.mentorhub.platform.privacy.ConsentWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent register (table {@code privacy_consents}): one row per person and kind. The owning modules keep
 * acting on their own state and publish {@link ConsentGiven} and {@link ConsentWithdrawn}, which the register
 * records; a person withdraws a consent here, which the register records at once and publishes as
 * {@link ConsentWithdrawalRequested} for the owning module to act on. Everyone sees and withdraws only their own.
 */
@Service
public class Consents {

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Consents(JdbcClient jdbc, Tenancy tenancy, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Every kind of consent, with mine where I gave it. */
	@Transactional(readOnly = true)
	public List<ConsentView> mine() {
		long me = this.tenancy.actor().id();
		Map<ConsentKind, ConsentView> given = new java.util.EnumMap<>(ConsentKind.class);
		this.jdbc.sql("SELECT kind, given_at, withdrawn_at, text_version FROM privacy_consents WHERE user_id = :u")
			.param("u", me)
			.query(Consents::row)
			.list()
			.forEach(view -> given.put(view.kind(), view));
		List<ConsentView> all = new ArrayList<>();
		for (ConsentKind kind : ConsentKind.values()) {
			all.add(given.getOrDefault(kind, new ConsentView(kind, null, null, kind.textVersion())));
		}
		return all;
	}

	/**
	 * Withdraws one of my consents: 400 for an unknown kind, "not found" for one I never gave; withdrawing
	 * again changes nothing. The owning module acts on it after this commits.
	 */
	@Transactional
	public ConsentView withdraw(String kindCode) {
		long me = this.tenancy.actor().id();
		ConsentKind kind = kind(kindCode);
		ConsentView current = find(me, kind).orElseThrow(() -> new NotFoundException("You have not given this consent."));
		if (!current.active()) {
			return current;
		}
		LocalDateTime now = now();
		this.jdbc.sql("UPDATE privacy_consents SET withdrawn_at = :now WHERE user_id = :u AND kind = :k AND withdrawn_at IS NULL")
			.param("now", now)
			.param("u", me)
			.param("k", kind.name())
			.update();
		this.audit.record(AuditRecord.change("CONSENT_WITHDRAWN", "privacy_consents", me, null,
				Map.of("kind", kind.name())).about(me));
		this.events.publishEvent(new ConsentWithdrawalRequested(me, kind, now.toInstant(ZoneOffset.UTC)));
		return find(me, kind).orElseThrow();
	}

	/** A consent given in its owning module: recorded (again) with the text version. */
	@ApplicationModuleListener
	void on(ConsentGiven given) {
		LocalDateTime at = LocalDateTime.ofInstant(given.at(), ZoneOffset.UTC);
		int updated = update(given, at);
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						INSERT INTO privacy_consents (user_id, kind, given_at, withdrawn_at, text_version)
						VALUES (:u, :k, :at, NULL, :v)""")
					.param("u", given.userId())
					.param("k", given.kind().name())
					.param("at", at)
					.param("v", given.textVersion())
					.update();
			}
			catch (DuplicateKeyException ex) {
				update(given, at);
			}
		}
	}

	/** A consent withdrawn in its owning module; idempotent. */
	@ApplicationModuleListener
	void on(ConsentWithdrawn withdrawn) {
		this.jdbc.sql("UPDATE privacy_consents SET withdrawn_at = :at WHERE user_id = :u AND kind = :k AND withdrawn_at IS NULL")
			.param("at", LocalDateTime.ofInstant(withdrawn.at(), ZoneOffset.UTC))
			.param("u", withdrawn.userId())
			.param("k", withdrawn.kind().name())
			.update();
	}

	private int update(ConsentGiven given, LocalDateTime at) {
		return this.jdbc.sql("""
				UPDATE privacy_consents SET given_at = :at, withdrawn_at = NULL, text_version = :v
				WHERE user_id = :u AND kind = :k""")
			.param("at", at)
			.param("v", given.textVersion())
			.param("u", given.userId())
			.param("k", given.kind().name())
			.update();
	}

	static ConsentKind kind(String code) {
		String text = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (ConsentKind kind : ConsentKind.values()) {
			if (kind.name().equals(text)) {
				return kind;
			}
		}
		throw new InvalidInputException("kind", "Choose SUPPORT_CHAT or DIRECTORY_VISIBILITY.");
	}

	private Optional<ConsentView> find(long userId, ConsentKind kind) {
		return this.jdbc.sql("SELECT kind, given_at, withdrawn_at, text_version FROM privacy_consents WHERE user_id = :u AND kind = :k")
			.param("u", userId)
			.param("k", kind.name())
			.query(Consents::row)
			.optional();
	}

	private static ConsentView row(ResultSet rs, int n) throws SQLException {
		return new ConsentView(ConsentKind.valueOf(rs.getString(1)), instant(rs, 2), instant(rs, 3), rs.getString(4));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
