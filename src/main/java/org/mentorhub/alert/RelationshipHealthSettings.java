package org.mentorhub.alert;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.alert.RelationshipHealthRules.Expectation;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each institution expects of its pairs (relationship_health_settings), or the defaults of
 * {@link RelationshipHealthProperties} where it has chosen nothing. One query for any number of institutions.
 */
@Component
class RelationshipHealthSettings {

	static final int MAX_EXPECTED_DAYS = 180;

	static final int MAX_ESCALATE_AFTER_DAYS = 90;

	private final JdbcClient jdbc;

	private final RelationshipHealthProperties defaults;

	RelationshipHealthSettings(JdbcClient jdbc, RelationshipHealthProperties defaults) {
		this.jdbc = jdbc;
		this.defaults = defaults;
	}

	Expectation defaults() {
		return new Expectation(this.defaults.expectedDays(), this.defaults.escalateAfterDays());
	}

	/** The expectation of each institution (every id gets one). */
	Map<Long, Expectation> of(Collection<Long> institutionIds) {
		Map<Long, Expectation> result = new HashMap<>();
		if (institutionIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				SELECT institution_id, expected_days, escalate_after_days FROM relationship_health_settings
				WHERE institution_id IN (:ids)""")
			.param("ids", List.copyOf(institutionIds))
			.query((rs, i) -> result.put(rs.getLong("institution_id"),
					new Expectation(rs.getInt("expected_days"), rs.getInt("escalate_after_days"))))
			.list();
		for (Long id : institutionIds) {
			result.putIfAbsent(id, defaults());
		}
		return result;
	}

	/** Sets an institution's expectation; 400 (nothing written) for a missing or out of range value. */
	Expectation set(long institutionId, Integer expectedDays, Integer escalateAfterDays, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		if (expectedDays == null || expectedDays < 1 || expectedDays > MAX_EXPECTED_DAYS) {
			problems.add(new FieldProblem("expectedDays",
					"Give the expected days between two sessions, from 1 to " + MAX_EXPECTED_DAYS + "."));
		}
		if (escalateAfterDays == null || escalateAfterDays < 1 || escalateAfterDays > MAX_ESCALATE_AFTER_DAYS) {
			problems.add(new FieldProblem("escalateAfterDays",
					"Give the days from the nudge to the coordinator's alert, from 1 to " + MAX_ESCALATE_AFTER_DAYS + "."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int updated = this.jdbc.sql("""
				UPDATE relationship_health_settings SET expected_days = :e, escalate_after_days = :a, updated_at = :now
				WHERE institution_id = :i""")
			.param("e", expectedDays).param("a", escalateAfterDays).param("now", utc(now)).param("i", institutionId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO relationship_health_settings (institution_id, expected_days, escalate_after_days, updated_at)
					VALUES (:i, :e, :a, :now)""")
				.param("e", expectedDays).param("a", escalateAfterDays).param("now", utc(now)).param("i", institutionId)
				.update();
		}
		return new Expectation(expectedDays, escalateAfterDays);
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
