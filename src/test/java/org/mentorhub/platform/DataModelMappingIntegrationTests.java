package org.mentorhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps {@code docs/data-model.md} honest: its mapping table names every column of both seed documents
 * exactly once, and every MentorHub column it names exists in the database that Flyway migrated, on
 * whichever database the integration tests run.
 */
@MentorHubIntegrationTest
class DataModelMappingIntegrationTests {

	private static final Path DATA_MODEL = Path.of("docs/data-model.md");

	private static final String MAPPING_HEADER = "| Seed | Seed column | MentorHub column | Note |";

	private static final Pattern SEPARATOR_ROW = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");

	private static final Pattern MENTORHUB_COLUMN = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

	private static final Pattern SEED_COLUMN = Pattern.compile("[A-Za-z_]+\\.[A-Za-z]+");

	@Autowired
	private DataSource dataSource;

	@Test
	void everyMentorHubColumnOfTheMappingExistsInTheMigratedSchema() throws SQLException {
		MigratedSchema schema = migratedSchema();
		assertThat(schema.columns()).as("columns that %s reports for the migrated schema", schema.database())
			.isNotEmpty();

		List<String> missing = mappingRows().stream()
			.map(MappingRow::mentorHubColumn)
			.distinct()
			.filter((column) -> !schema.columns().contains(column.toLowerCase(Locale.ROOT)))
			.toList();

		assertThat(missing)
			.as("MentorHub columns named in %s that the schema migrated on %s does not have", DATA_MODEL,
					schema.database())
			.isEmpty();
	}

	@Test
	void mappingNamesEveryColumnOfSeed000ExactlyOnce() {
		assertMapsEverySeedColumnExactlyOnce("000", SeedColumns.seed000());
	}

	@Test
	void mappingNamesEveryColumnOfSeed003ExactlyOnce() {
		assertMapsEverySeedColumnExactlyOnce("003", SeedColumns.SEED_003);
	}

	@Test
	void mappingHasAtLeast150RowsForSeed000And100ForSeed003() {
		Map<String, Long> rowsPerSeed = mappingRows().stream()
			.collect(Collectors.groupingBy(MappingRow::seed, Collectors.counting()));

		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(rowsPerSeed.getOrDefault("000", 0L)).as("mapping rows for seed 000").isGreaterThanOrEqualTo(150);
			softly.assertThat(rowsPerSeed.getOrDefault("003", 0L)).as("mapping rows for seed 003").isGreaterThanOrEqualTo(100);
		});
	}

	@Test
	void everyMappingRowNamesASeedASeedColumnAndALowerCaseTableDotColumn() {
		List<String> malformed = mappingRows().stream()
			.filter((row) -> !Set.of("000", "003").contains(row.seed())
					|| !SEED_COLUMN.matcher(row.seedColumn()).matches()
					|| !MENTORHUB_COLUMN.matcher(row.mentorHubColumn()).matches())
			.map(MappingRow::toString)
			.toList();

		assertThat(malformed).as("mapping rows of %s that are not | 000 or 003 | table.column | table.column | note |",
				DATA_MODEL)
			.isEmpty();
	}

	private static void assertMapsEverySeedColumnExactlyOnce(String seed, Set<String> expected) {
		Map<String, Long> mapped = mappingRows().stream()
			.filter((row) -> row.seed().equals(seed))
			.collect(Collectors.groupingBy(MappingRow::seedColumn, LinkedHashMap::new, Collectors.counting()));

		List<String> missing = expected.stream().filter((column) -> !mapped.containsKey(column)).toList();
		List<String> extra = mapped.keySet().stream().filter((column) -> !expected.contains(column)).toList();
		List<String> duplicated = mapped.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map((entry) -> entry.getKey() + " (" + entry.getValue() + " rows)")
			.toList();

		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(expected).as("columns found in seed %s", seed).isNotEmpty();
			softly.assertThat(missing).as("seed %s columns that %s does not map", seed, DATA_MODEL).isEmpty();
			softly.assertThat(extra).as("seed %s columns in %s that the seed does not have", seed, DATA_MODEL).isEmpty();
			softly.assertThat(duplicated).as("seed %s columns that %s maps more than once", seed, DATA_MODEL).isEmpty();
		});
	}

	/**
	 * The rows of the mapping table: every {@code |} line after the header, up to the first line that is not
	 * part of the table.
	 */
	private static List<MappingRow> mappingRows() {
		List<String> lines;
		try {
			lines = Files.readAllLines(DATA_MODEL, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + DATA_MODEL.toAbsolutePath(), ex);
		}
		int header = lines.indexOf(MAPPING_HEADER);
		assertThat(header).as("the mapping table header %s in %s", MAPPING_HEADER, DATA_MODEL).isNotNegative();

		List<MappingRow> rows = new ArrayList<>();
		for (String line : lines.subList(header + 1, lines.size())) {
			String row = line.strip();
			if (!row.startsWith("|")) {
				break;
			}
			if (!SEPARATOR_ROW.matcher(row).matches()) {
				rows.add(MappingRow.parse(row));
			}
		}
		return rows;
	}

	private MigratedSchema migratedSchema() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String database = metaData.getDatabaseProductName();
			String product = database.toLowerCase(Locale.ROOT);
			String catalog;
			String schema;
			// H2 reports identifiers upper-case and PostgreSQL lower-case; the connection's own schema wins
			// over the default in case a test URL chose another one.
			if (product.contains("h2")) {
				catalog = null;
				schema = Objects.requireNonNullElse(connection.getSchema(), "PUBLIC");
			}
			else if (product.contains("postgres")) {
				catalog = null;
				schema = Objects.requireNonNullElse(connection.getSchema(), "public");
			}
			else if (product.contains("mariadb") || product.contains("mysql")) {
				// MariaDB's "schema" is the catalog, and its identifiers keep the case they were created in.
				catalog = connection.getCatalog();
				schema = null;
			}
			else {
				throw new IllegalStateException("No schema lookup for database " + database);
			}
			Set<String> columns = new HashSet<>();
			try (ResultSet result = metaData.getColumns(catalog, schema, "%", "%")) {
				while (result.next()) {
					columns.add((result.getString("TABLE_NAME") + "." + result.getString("COLUMN_NAME"))
						.toLowerCase(Locale.ROOT));
				}
			}
			return new MigratedSchema(database, columns);
		}
	}

	/** All {@code table.column} names of the migrated schema, lower-cased, whatever case the database reports. */
	private record MigratedSchema(String database, Set<String> columns) {
	}

	/** One row of the mapping table; backticks around a name are ignored. */
	private record MappingRow(String seed, String seedColumn, String mentorHubColumn, String note) {

		static MappingRow parse(String line) {
			String body = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
			String[] cells = body.split("\\|", -1);
			if (cells.length != 4) {
				throw new IllegalStateException("A mapping row needs 4 cells, not " + cells.length + ": " + line);
			}
			Function<String, String> name = (cell) -> cell.replace("`", "").strip();
			return new MappingRow(name.apply(cells[0]), name.apply(cells[1]), name.apply(cells[2]), cells[3].strip());
		}

	}

}
