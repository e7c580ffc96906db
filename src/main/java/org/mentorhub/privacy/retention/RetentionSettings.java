package org.mentorhub.privacy.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.privacy.PrivacyProvider;
import org.mentorhub.platform.privacy.PrivacyProviders;
import org.mentorhub.platform.privacy.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention rules every provider declares, with the period in force: the default, or what a platform
 * administrator set (the purge job is one per cluster, so the periods are too). Institution
 * administrators see them; platform administrators change them. Only rules the job enforces can change.
 */
@Service
public class RetentionSettings {

	/**
	 * One rule as the page and the API show it.
	 * @param key the rule
	 * @param module the module that declares it
	 * @param holds what it removes
	 * @param defaultDays its default period (null: for ever)
	 * @param days the period in force (null: for ever)
	 * @param changed whether an administrator changed the period
	 * @param enforced whether the purge job enforces it
	 * @param notPurgedBecause why not, when it does not
	 * @param lastPurgedAt when the job last ran the rule
	 * @param lastPurgedRows how many rows that run removed
	 */
	public record Setting(String key, String module, String holds, Integer defaultDays, Integer days,
			boolean changed, boolean enforced, String notPurgedBecause, Instant lastPurgedAt,
			Integer lastPurgedRows) {
	}

	private record Stored(Integer days, boolean changed, Instant lastPurgedAt, Integer lastPurgedRows) {
	}

	private final PrivacyProviders providers;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final Clock clock;

	RetentionSettings(PrivacyProviders providers, JdbcClient jdbc, AuditTrail audit, Tenancy tenancy, Clock clock) {
		this.providers = providers;
		this.jdbc = jdbc;
		this.audit = audit;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** Every provider's rules, in module order. */
	List<RetentionRule> rules() {
		return this.providers.all().stream().map(PrivacyProvider::retentionRules).flatMap(List::stream).toList();
	}

	/** The rules with their periods in force (administrators). */
	@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
	@Transactional(readOnly = true)
	public List<Setting> settings() {
		return settingsInForce();
	}

	List<Setting> settingsInForce() {
		Map<String, Stored> stored = stored();
		return rules().stream().map(rule -> {
			Stored row = stored.get(rule.key());
			boolean changed = row != null && row.changed() && rule.enforced();
			return new Setting(rule.key(), rule.module(), rule.holds(), rule.defaultDays(),
					changed ? row.days() : rule.defaultDays(), changed, rule.enforced(), rule.notPurgedBecause(),
					row == null ? null : row.lastPurgedAt(), row == null ? null : row.lastPurgedRows());
		}).toList();
	}

	/**
	 * A platform administrator sets a rule's period: 1 to 36,500 days, or null to keep the data for ever.
	 * An unknown rule is "not found"; a rule the job does not enforce, or a period out of range, is a 400.
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Transactional
	public Setting change(String key, Integer days) {
		RetentionRule rule = rules().stream()
			.filter(candidate -> candidate.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Retention rule not found"));
		if (!rule.enforced()) {
			throw new InvalidInputException("days", "This data is not purged: " + rule.notPurgedBecause());
		}
		if (days != null && (days < 1 || days > RetentionRule.MAX_DAYS)) {
			throw new InvalidInputException("days",
					"A retention period is 1 to " + RetentionRule.MAX_DAYS + " days, or empty to keep the data for ever.");
		}
		Setting before = settingsInForce().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
		Map<String, Object> params = new HashMap<>();
		params.put("key", key);
		params.put("days", days);
		params.put("by", this.tenancy.actor().id());
		params.put("now", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		int updated = this.jdbc.sql("""
				UPDATE privacy_retention_settings SET period_days = :days, changed = TRUE, updated_by_id = :by,
				  updated_at = :now WHERE rule_key = :key""").params(params).update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO privacy_retention_settings (rule_key, period_days, changed, updated_by_id, updated_at)
					VALUES (:key, :days, TRUE, :by, :now)""").params(params).update();
		}
		Map<String, Object> from = new LinkedHashMap<>();
		from.put("days", before.days());
		Map<String, Object> to = new LinkedHashMap<>();
		to.put("days", days);
		this.audit.record(AuditRecord.change("PRIVACY_RETENTION_CHANGED", "privacy_retention_settings", key, from, to));
		return settingsInForce().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

	/** Records what a purge run removed for a rule. */
	void purged(String key, int rows, Instant at) {
		Map<String, Object> params = Map.of("key", key, "rows", rows, "at", LocalDateTime.ofInstant(at, ZoneOffset.UTC));
		int updated = this.jdbc.sql("""
				UPDATE privacy_retention_settings SET last_purged_at = :at, last_purged_rows = :rows
				WHERE rule_key = :key""").params(params).update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO privacy_retention_settings (rule_key, changed, last_purged_at, last_purged_rows)
					VALUES (:key, FALSE, :at, :rows)""").params(params).update();
		}
	}

	/** The period in force of one rule, read without a signed-in user (the chat's consent text, the job). */
	Integer daysInForce(String key, Integer defaultDays) {
		Stored row = stored().get(key);
		return row != null && row.changed() ? row.days() : defaultDays;
	}

	private Map<String, Stored> stored() {
		Map<String, Stored> stored = new HashMap<>();
		this.jdbc.sql("SELECT rule_key, period_days, changed, last_purged_at, last_purged_rows FROM privacy_retention_settings")
			.query((rs, n) -> {
				LocalDateTime last = rs.getObject("last_purged_at", LocalDateTime.class);
				stored.put(rs.getString("rule_key"), new Stored((Integer) rs.getObject("period_days", Integer.class),
						rs.getBoolean("changed"), last == null ? null : last.toInstant(ZoneOffset.UTC),
						(Integer) rs.getObject("last_purged_rows", Integer.class)));
				return null;
			})
			.list();
		return stored;
	}

}
