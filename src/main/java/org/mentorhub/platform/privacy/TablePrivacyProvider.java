package org.mentorhub.platform.privacy;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A provider that exports and erases from its table declarations: export reads every row whose user columns
 * name the person (hashes and hidden columns left out), erase applies each table's
 * {@link PersonalTable.Erasure}. A module overrides {@link #exportRows} or {@link #eraseCustom} where a table
 * needs more (sealed text, feedback not yet shared, pseudonymised text). The table names come from the
 * owning module's own declaration, so the SQL touches only that module's tables.
 */
public abstract class TablePrivacyProvider implements PrivacyProvider {

	protected final JdbcClient jdbc;

	protected TablePrivacyProvider(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, List<Map<String, Object>>> export(long userId) {
		Map<String, List<Map<String, Object>>> export = new LinkedHashMap<>();
		for (PersonalTable table : tables()) {
			export.put(table.name(), exportRows(table, userId));
		}
		return export;
	}

	/** The rows of one table that name the person, in id order; override for a table that needs more. */
	protected List<Map<String, Object>> exportRows(PersonalTable table, long userId) {
		return select(table, "SELECT * FROM " + table.name() + " WHERE " + anyColumn(table) + " ORDER BY 1",
				userId);
	}

	/** Runs a query whose every parameter is the person's id and returns the rows without hidden columns. */
	protected List<Map<String, Object>> select(PersonalTable table, String sql, long userId) {
		int parameters = (int) sql.chars().filter(c -> c == '?').count();
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (int i = 0; i < parameters; i++) {
			statement = statement.param(userId);
		}
		return statement.query((rs, n) -> row(table, rs)).list();
	}

	@Override
	public Map<String, Integer> erase(long userId) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		// Children before parents: the declaration lists parents first.
		List<PersonalTable> tables = new ArrayList<>(tables());
		java.util.Collections.reverse(tables);
		for (PersonalTable table : tables) {
			int count = switch (table.erasure()) {
				case DELETE -> this.jdbc.sql("DELETE FROM " + table.name() + " WHERE " + anyColumn(table))
					.params(repeat(table, userId))
					.update();
				case DELETE_OWN -> clear(table, table.userColumns().subList(1, table.userColumns().size()), userId)
						+ this.jdbc.sql("DELETE FROM " + table.name() + " WHERE " + table.userColumns().get(0) + " = ?")
							.param(userId)
							.update();
				case CLEAR -> clear(table, table.userColumns(), userId);
				case KEEP -> 0;
				case CUSTOM -> eraseCustom(table, userId);
			};
			erased.put(table.name(), count);
		}
		return erased;
	}

	private int clear(PersonalTable table, List<String> columns, long userId) {
		return columns.stream()
			.mapToInt(column -> this.jdbc
				.sql("UPDATE " + table.name() + " SET " + column + " = NULL WHERE " + column + " = ?")
				.param(userId)
				.update())
			.sum();
	}

	/** Erases a table declared {@link PersonalTable.Erasure#CUSTOM}; the provider must override this. */
	protected int eraseCustom(PersonalTable table, long userId) {
		throw new IllegalStateException(module() + " declares " + table.name() + " CUSTOM but does not erase it");
	}

	private static String anyColumn(PersonalTable table) {
		return table.userColumns().stream().map(column -> column + " = ?").collect(Collectors.joining(" OR "));
	}

	private static List<Object> repeat(PersonalTable table, long userId) {
		return table.userColumns().stream().map(column -> (Object) userId).toList();
	}

	private static Map<String, Object> row(PersonalTable table, ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
			if (table.hiddenColumns().contains(column) || column.endsWith("_hash")) {
				continue;
			}
			row.put(column, plain(rs.getObject(i)));
		}
		return row;
	}

	/** A value JSON can carry: timestamps as ISO-8601 instants, large text as a string. */
	private static Object plain(Object value) throws SQLException {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof java.time.temporal.TemporalAccessor temporal) {
			return temporal.toString();
		}
		if (value instanceof java.sql.Clob clob) {
			return clob.getSubString(1, (int) clob.length());
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		return value;
	}

}
