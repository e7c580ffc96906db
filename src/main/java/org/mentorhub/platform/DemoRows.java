package org.mentorhub.platform;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Plain inserts for demo seeds, which write many rows of their own module's tables at once. Not for
 * features: those change rows through their entities and services.
 */
@Component
public final class DemoRows {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	public DemoRows(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Inserts one row and returns its generated {@code id}. */
	public long insert(String table, Map<String, ?> values) {
		KeyHolder keys = new GeneratedKeyHolder();
		statement(table, values).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Inserts one row of a table without a generated key (a link table or a one-to-one table). */
	public void insertWithoutKey(String table, Map<String, ?> values) {
		statement(table, values).update();
	}

	/** Runs one insert for many rows, in batches of 500. */
	public void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 500) {
			this.jdbcTemplate.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 500)));
		}
	}

	private JdbcClient.StatementSpec statement(String table, Map<String, ?> values) {
		StringJoiner columns = new StringJoiner(", ");
		StringJoiner parameters = new StringJoiner(", ");
		values.keySet().forEach(column -> {
			columns.add(column);
			parameters.add(":" + column);
		});
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + parameters + ")");
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			statement = statement.param(entry.getKey(), entry.getValue());
		}
		return statement;
	}

}
