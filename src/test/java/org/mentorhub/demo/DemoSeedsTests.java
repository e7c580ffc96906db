package org.mentorhub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data belongs to its module (ADR 0004): each {@code *DemoData} seed names only the tables of
 * its own module, and the demo module, which only orchestrates, names none. A table's owner is the
 * module word after {@code V<n>__} in the name of the migration that creates it. Checked on the
 * sources: a table is named as the table of {@code DemoRows.insert("goals", ...)} or after INTO, FROM,
 * UPDATE or JOIN in SQL.
 */
class DemoSeedsTests {

	static final Path MAIN = Paths.get("src/main/java/org/mentorhub");

	static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");

	static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)");

	/** Every table created by a migration, with the module that owns it. */
	static Map<String, String> tableOwners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		try (Stream<Path> files = Files.walk(Paths.get("src/main/resources/db"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher name = MIGRATION.matcher(file.getFileName().toString());
				if (!name.matches()) {
					continue;
				}
				Matcher table = CREATE_TABLE.matcher(Files.readString(file).toLowerCase(Locale.ROOT));
				while (table.find()) {
					owners.put(table.group(1), name.group(1));
				}
			}
		}
		return owners;
	}

	/** The tables a source file names. */
	static List<String> tablesNamedIn(Path source, Map<String, String> owners) throws IOException {
		String text = Files.readString(source);
		List<String> named = new ArrayList<>();
		for (String table : owners.keySet()) {
			Pattern use = Pattern.compile("insert(?:WithoutKey)?\\(\\s*\"" + table + "\"|\\b(?i:into|from|update|join)\\s+"
					+ table + "\\b");
			if (use.matcher(text).find()) {
				named.add(table);
			}
		}
		return named;
	}

	static List<Path> seeds() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(f -> f.getFileName().toString().endsWith("DemoData.java")).sorted().toList();
		}
	}

	@Test
	void everyModuleSeedNamesOnlyItsOwnModulesTables() throws IOException {
		Map<String, String> owners = tableOwners();
		assertThat(owners).containsEntry("users", "identity").containsEntry("mentor_profiles", "profile")
			.containsEntry("audit_logs", "audit");
		List<Path> seeds = seeds();
		assertThat(seeds).extracting(seed -> seed.getFileName().toString())
			.contains("OrganizationDemoData.java", "IdentityDemoData.java", "ProfileDemoData.java",
					"MentorshipDemoData.java", "SessionDemoData.java", "AuditDemoData.java");

		List<String> crossings = new ArrayList<>();
		for (Path seed : seeds) {
			String module = MAIN.relativize(seed).getName(0).toString();
			for (String table : tablesNamedIn(seed, owners)) {
				if (!owners.get(table).equals(module)) {
					crossings.add(seed.getFileName() + " (" + module + ") names " + table + " of " + owners.get(table));
				}
			}
		}
		assertThat(crossings).as("demo seeds that name another module's table").isEmpty();
	}

	@Test
	void theDemoModuleOnlyOrchestratesAndNamesNoTable() throws IOException {
		Map<String, String> owners = tableOwners();
		List<String> named = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN.resolve("demo"))) {
			for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				tablesNamedIn(source, owners).forEach(table -> named.add(source.getFileName() + ": " + table));
			}
		}
		assertThat(named).isEmpty();
	}

	@Test
	void theDetectorSeesATableInAnInsertAndInSql() throws IOException {
		Path source = Files.createTempFile("Sample", ".java");
		try {
			Files.writeString(source, "rows.insert(\"goals\", row());\njdbc.sql(\"SELECT id FROM users WHERE x\");\n"
					+ "String entity = \"goal_updates\"; String archive = \"INSERT INTO goal_updates_archive\";");
			assertThat(tablesNamedIn(source, Map.of("goals", "goal", "users", "identity", "goal_updates", "goal")))
				.containsExactlyInAnyOrder("goals", "users");
		}
		finally {
			Files.delete(source);
		}
	}

}
