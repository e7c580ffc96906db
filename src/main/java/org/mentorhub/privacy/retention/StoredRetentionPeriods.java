package org.mentorhub.privacy.retention;

import org.mentorhub.platform.privacy.RetentionPeriods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The periods in force for modules that tell people how long they keep data. Reads the settings table
 * only (never the providers, which may themselves need this bean).
 */
@Component
class StoredRetentionPeriods implements RetentionPeriods {

	private final JdbcClient jdbc;

	StoredRetentionPeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Integer days(String key, Integer defaultDays) {
		return this.jdbc.sql("SELECT period_days FROM privacy_retention_settings WHERE rule_key = :key AND changed = TRUE")
			.param("key", key)
			.query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
			.optional()
			.orElse(defaultDays);
	}

}
