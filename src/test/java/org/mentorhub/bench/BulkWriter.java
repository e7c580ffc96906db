package org.mentorhub.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes generated rows with each database's bulk path (bench only): PostgreSQL's {@code COPY ... FROM
 * STDIN} through the driver's CopyManager, and multi-row {@code INSERT ... VALUES (...), (...)} prepared
 * statements on H2 and MariaDB/MySQL. Ids are given explicitly (the generator computes them), so nothing
 * is read back; {@link #restartIdentity} moves each table's identity past them afterwards.
 */
public final class BulkWriter {

	/** How the connected database takes bulk rows. */
	public enum Dialect {

		H2, POSTGRESQL, MYSQL;

		static Dialect of(Connection connection) throws SQLException {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			return product.contains("postgres") ? POSTGRESQL : product.contains("h2") ? H2 : MYSQL;
		}

	}

	/** One table being filled: add rows, then close (flushes and commits). */
	public interface Table extends AutoCloseable {

		void row(Object... values);

		@Override
		void close();

	}

	private final Connection connection;

	private final Dialect dialect;

	private long rows;

	public BulkWriter(Connection connection) throws SQLException {
		this.connection = connection;
		this.dialect = Dialect.of(connection);
		foreignKeyChecks(false);
		connection.setAutoCommit(false);
	}

	/**
	 * Switches the foreign key checks of the load off or back on: the generator's ids are consistent by
	 * construction, and the per-row checks cost more than the rows (PostgreSQL: session_replication_role,
	 * which needs a superuser, else the checks stay on; H2: REFERENTIAL_INTEGRITY, for the whole database;
	 * MariaDB: FOREIGN_KEY_CHECKS). Switching them on does not check the rows written meanwhile.
	 */
	public void foreignKeyChecks(boolean on) throws SQLException {
		String sql = switch (this.dialect) {
			case POSTGRESQL -> "SET session_replication_role = " + (on ? "origin" : "replica");
			case H2 -> "SET REFERENTIAL_INTEGRITY " + (on ? "TRUE" : "FALSE");
			case MYSQL -> "SET FOREIGN_KEY_CHECKS = " + (on ? 1 : 0);
		};
		boolean autoCommit = this.connection.getAutoCommit();
		this.connection.setAutoCommit(true);
		try (Statement s = this.connection.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			System.out.println("bench data: " + sql + " refused (" + ex.getMessage() + "); the checks stay on");
		}
		finally {
			this.connection.setAutoCommit(autoCommit);
		}
	}

	public Dialect dialect() {
		return this.dialect;
	}

	/** Rows written so far, all tables. */
	public long rows() {
		return this.rows;
	}

	/** Starts filling a table; closing it flushes, commits and prints the rows and the time taken. */
	public Table table(String name, String... columns) {
		Table target;
		try {
			target = this.dialect == Dialect.POSTGRESQL ? new Copy(name, columns) : new MultiRowInsert(name, columns);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(name, ex);
		}
		long started = System.nanoTime();
		long before = this.rows;
		return new Table() {

			@Override
			public void row(Object... values) {
				target.row(values);
			}

			@Override
			public void close() {
				target.close();
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("bench data: %-20s %,10d rows in %6.1f s%n", name, BulkWriter.this.rows - before,
						seconds);
			}

		};
	}

	/** Moves the identity of each table past its largest id (MariaDB's AUTO_INCREMENT does so by itself). */
	public void restartIdentity(String... tables) throws SQLException {
		try (Statement s = this.connection.createStatement()) {
			for (String table : tables) {
				if (this.dialect == Dialect.POSTGRESQL) {
					s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM "
							+ table + "), false)");
				}
				else if (this.dialect == Dialect.H2) {
					long next;
					try (var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
						rs.next();
						next = rs.getLong(1);
					}
					s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
				}
			}
		}
		this.connection.commit();
	}

	/**
	 * Refreshes the planner's statistics after the load. On PostgreSQL also vacuums, as autovacuum does a
	 * while after a load in production: a freshly loaded table has no visibility map, so every index-only
	 * scan reads the heap too (the alert queue's count fetched 21,966 user rows from the heap through
	 * {@code users_pkey}: 40 ms, 4.8 ms after {@code VACUUM ANALYZE}).
	 */
	public void analyze(String... tables) throws SQLException {
		if (this.dialect == Dialect.POSTGRESQL) {
			this.connection.commit();
			this.connection.setAutoCommit(true); // VACUUM does not run inside a transaction
			try (Statement s = this.connection.createStatement()) {
				s.execute("VACUUM ANALYZE");
			}
			finally {
				this.connection.setAutoCommit(false);
			}
			return;
		}
		try (Statement s = this.connection.createStatement()) {
			s.execute(this.dialect == Dialect.MYSQL ? "ANALYZE TABLE " + String.join(", ", tables) : "ANALYZE");
		}
		this.connection.commit();
	}

	public long maxId(String table) throws SQLException {
		try (Statement s = this.connection.createStatement();
				var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** PostgreSQL: one COPY per table in text format, sent in chunks of about 1 MB. */
	private final class Copy implements Table {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(1 << 20);

		Copy(String name, String[] columns) throws SQLException {
			this.copy = BulkWriter.this.connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN");
		}

		@Override
		public void row(Object... values) {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.buffer.append('\t');
				}
				text(values[i]);
			}
			this.buffer.append('\n');
			BulkWriter.this.rows++;
			if (this.buffer.length() > (1 << 20)) {
				flush();
			}
		}

		private void text(Object value) {
			if (value == null) {
				this.buffer.append("\\N");
			}
			else if (value instanceof Boolean b) {
				this.buffer.append(b ? 't' : 'f');
			}
			else if (value instanceof LocalDateTime t) {
				this.buffer.append(t.toLocalDate()).append(' ').append(t.toLocalTime());
			}
			else if (value instanceof Number || value instanceof LocalDate || value instanceof LocalTime) {
				this.buffer.append(value);
			}
			else {
				String s = value.toString();
				for (int i = 0; i < s.length(); i++) {
					char c = s.charAt(i);
					switch (c) {
						case '\\' -> this.buffer.append("\\\\");
						case '\t' -> this.buffer.append("\\t");
						case '\n' -> this.buffer.append("\\n");
						case '\r' -> this.buffer.append("\\r");
						default -> this.buffer.append(c);
					}
				}
			}
		}

		private void flush() {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			try {
				flush();
				this.copy.endCopy();
				BulkWriter.this.connection.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** H2, MariaDB and MySQL: INSERT statements of many rows each, committed every 50,000 rows. */
	private final class MultiRowInsert implements Table {

		private final String head;

		private final String tuple;

		private final int perStatement;

		private final List<Object[]> pending = new ArrayList<>();

		private PreparedStatement full;

		private long sinceCommit;

		MultiRowInsert(String name, String[] columns) {
			this.head = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ";
			this.tuple = "(" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
			this.perStatement = Math.max(1, Math.min(500, 20_000 / columns.length));
		}

		@Override
		public void row(Object... values) {
			this.pending.add(values);
			BulkWriter.this.rows++;
			if (this.pending.size() == this.perStatement) {
				try {
					if (this.full == null) {
						this.full = prepare(this.perStatement);
					}
					execute(this.full);
				}
				catch (SQLException ex) {
					throw new IllegalStateException(this.head, ex);
				}
			}
		}

		private PreparedStatement prepare(int rows) throws SQLException {
			return BulkWriter.this.connection
				.prepareStatement(this.head + String.join(", ", Collections.nCopies(rows, this.tuple)));
		}

		private void execute(PreparedStatement statement) throws SQLException {
			int p = 1;
			for (Object[] values : this.pending) {
				for (Object value : values) {
					statement.setObject(p++, value);
				}
			}
			statement.executeUpdate();
			this.sinceCommit += this.pending.size();
			this.pending.clear();
			if (this.sinceCommit >= 50_000) {
				BulkWriter.this.connection.commit();
				this.sinceCommit = 0;
			}
		}

		@Override
		public void close() {
			try {
				if (!this.pending.isEmpty()) {
					try (PreparedStatement rest = prepare(this.pending.size())) {
						execute(rest);
					}
				}
				if (this.full != null) {
					this.full.close();
				}
				BulkWriter.this.connection.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(this.head, ex);
			}
		}

	}

}
