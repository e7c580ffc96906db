package org.mentorhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A module reads and writes only the tables its own migrations create (docs/architecture.md, ADR 0003).
 * The owner of a table or view is the module word of the migration that creates it
 * ({@code V6__session_sessions.sql} → session); the SQL of a module is every string literal of its main
 * code. No Spring: the migrations and the sources are read as text.
 */
class TableOwnershipTests {

	static final Path MIGRATIONS = Path.of("src", "main", "resources", "db");

	static final Path SOURCES = Path.of("src", "main", "java", "org", "mentorhub");

	// A table whose migration carries another module's name; migrations are never edited, so the
	// real owner is recorded here (ADR 0003).
	static final Map<String, String> OWNER_CORRECTIONS = Map.of("outbox_mails", "platform");

	// The report read model reads every module's tables by design (ADR 0002).
	static final Set<String> EXEMPT_MODULES = Set.of("report");

	// The module word follows the version: V6__session_sessions.sql → session.
	static final Pattern MIGRATION_NAME = Pattern.compile("V[0-9_.]+__([a-z]+)_.*\\.sql");

	// What a migration creates: a table (owned, private) or a view (owned, a published read contract).
	static final Pattern CREATES = Pattern.compile(
			"\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`]?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	// Where SQL names a relation: reads after FROM or JOIN, writes after INSERT INTO, MERGE INTO,
	// UPDATE and DELETE FROM (listed first so that they win over the plain FROM).
	static final Pattern REFERENCE = Pattern.compile(
			"\\b(DELETE\\s+FROM|INSERT\\s+INTO|MERGE\\s+INTO|UPDATE|FROM|JOIN)\\s+[\"`]?(\\w+)", Pattern.CASE_INSENSITIVE);

	// The further relations of a comma-separated FROM list: FROM a x, b y.
	static final Pattern FROM_LIST = Pattern.compile("\\bFROM\\s+\\w+(?:\\s+(?:AS\\s+)?\\w+)?((?:\\s*,\\s*\\w+(?:\\s+(?:AS\\s+)?\\w+)?)+)",
			Pattern.CASE_INSENSITIVE);

	// A JPA mapping names a table outside SQL strings; an entity both reads and writes its table.
	static final Pattern MAPPING = Pattern.compile("@(?:Table|JoinTable|CollectionTable)\\(\\s*name\\s*=\\s*\"(\\w+)\"");

	/** A relation a migration creates, with the module that owns it. */
	record Relation(String owner, boolean view) {
	}

	/** SQL of one module that touches another module's table, or writes its view. */
	record Crossing(String file, String module, String relation, String owner, boolean write) {

		@Override
		public String toString() {
			return this.file + " (" + this.module + ") " + (this.write ? "writes " : "reads ") + this.relation
					+ " of " + this.owner;
		}

	}

	@Test
	void everyModuleReadsOnlyItsOwnTablesAndOtherModulesPublishedViews() throws IOException {
		Map<String, Relation> relations = relations();
		List<Crossing> crossings = new ArrayList<>();
		int references = 0;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
				String name = SOURCES.relativize(file).toString().replace('\\', '/');
				String module = name.substring(0, name.indexOf('/') < 0 ? 0 : name.indexOf('/'));
				if (module.isEmpty() || EXEMPT_MODULES.contains(module)) {
					continue;
				}
				String source = Files.readString(file);
				for (String literal : literals(source)) {
					crossings.addAll(crossings(name, module, literal, relations));
					references += references(literal, relations);
				}
				Matcher mapping = MAPPING.matcher(source);
				while (mapping.find()) {
					check(name, module, mapping.group(1), true, relations, crossings);
				}
			}
		}
		// The scan saw the code's SQL: a broken parser would find no reference at all.
		assertThat(references).as("references to known tables and views in main code").isGreaterThan(100);
		assertThat(crossings).as("SQL that touches another module's tables (ADR 0003)").isEmpty();
	}


	// The scanner itself: without this, a parser that finds nothing would let the rule pass vacuously.
	@Test
	void scannerFindsForeignTablesAndAcceptsReadsOfPublishedViews() throws IOException {
		Map<String, Relation> relations = relations();
		assertThat(relations).containsEntry("users", new Relation("identity", false))
			.containsEntry("identity_people", new Relation("identity", true))
			.containsEntry("mentoring_sessions", new Relation("session", false))
			.containsEntry("outbox_mails", new Relation("platform", false));

		String source = """
				class Example {
					String read = \"""
							SELECT s.id FROM mentoring_sessions s
							JOIN users u ON u.id = s.mentor_id\""";
					String view = "SELECT p.full_name FROM identity_people p";
					String write = "UPDATE identity_people SET full_name = ?";
					String list = "SELECT 1 FROM mentoring_sessions s, " + "mentorships m WHERE m.id = s.mentorship_id";
					String words = "Choose one of your users FROM the list"; // not a table: "the" follows FROM
					// SELECT * FROM users in a comment is not SQL
				}
				""";
		List<String> literals = literals(source);
		assertThat(literals).hasSize(5);
		List<Crossing> crossings = literals.stream()
			.flatMap(literal -> crossings("session/Example.java", "session", literal, relations).stream())
			.toList();
		assertThat(crossings).extracting(Crossing::relation, Crossing::write)
			.containsExactly(tuple("users", false), tuple("identity_people", true), tuple("mentorships", false));
		assertThat(MAPPING.matcher("@Entity @Table(name = \"users\") class Account {}").find()).isTrue();
	}

	/** Every table and view that a migration creates, by lower-case name, with its owner. */
	static Map<String, Relation> relations() throws IOException {
		Map<String, Relation> relations = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
				Matcher name = MIGRATION_NAME.matcher(file.getFileName().toString());
				assertThat(name.matches()).as("migration name " + file).isTrue();
				Matcher creates = CREATES.matcher(stripSqlComments(Files.readString(file)));
				while (creates.find()) {
					String relation = creates.group(2).toLowerCase(Locale.ROOT);
					String owner = OWNER_CORRECTIONS.getOrDefault(relation, name.group(1));
					relations.put(relation, new Relation(owner, creates.group(1).equalsIgnoreCase("VIEW")));
				}
			}
		}
		return relations;
	}

	/** How many times one string names a known table or view where SQL names a relation. */
	static int references(String sql, Map<String, Relation> relations) {
		int count = 0;
		Matcher reference = REFERENCE.matcher(sql);
		while (reference.find()) {
			count += relations.containsKey(reference.group(2).toLowerCase(Locale.ROOT)) ? 1 : 0;
		}
		return count;
	}

	/** The crossings in one SQL string of a module. */
	static List<Crossing> crossings(String file, String module, String sql, Map<String, Relation> relations) {
		List<Crossing> crossings = new ArrayList<>();
		Matcher reference = REFERENCE.matcher(sql);
		while (reference.find()) {
			boolean write = !reference.group(1).toUpperCase(Locale.ROOT).matches("FROM|JOIN");
			check(file, module, reference.group(2), write, relations, crossings);
		}
		Matcher list = FROM_LIST.matcher(sql);
		while (list.find()) {
			for (String item : list.group(1).split(",")) {
				if (!item.isBlank()) {
					check(file, module, item.trim().split("\\s+")[0], false, relations, crossings);
				}
			}
		}
		return crossings;
	}

	private static void check(String file, String module, String name, boolean write, Map<String, Relation> relations,
			List<Crossing> crossings) {
		Relation relation = relations.get(name.toLowerCase(Locale.ROOT));
		// Unknown names are aliases, columns, CTEs or JPQL entities: not a table of anyone.
		if (relation == null || relation.owner().equals(module)) {
			return;
		}
		// A published view may be read by anyone; writing it would bypass its owner.
		if (relation.view() && !write) {
			return;
		}
		crossings.add(new Crossing(file, module, name.toLowerCase(Locale.ROOT), relation.owner(), write));
	}

	/**
	 * The string literals of a Java source, text blocks included; literals joined by {@code +} become one,
	 * so that SQL split over several lines is read whole. Comments and char literals are skipped.
	 */
	static List<String> literals(String source) {
		List<String> literals = new ArrayList<>();
		StringBuilder current = null;
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				i = lineEnd(source, i);
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = closing(source, i + 3, "\"\"\"");
				current = append(literals, current, source.substring(i + 3, Math.min(end, n)));
				i = end + 3;
			}
			else if (c == '"') {
				int end = closing(source, i + 1, "\"");
				current = append(literals, current, source.substring(i + 1, Math.min(end, n)));
				i = end + 1;
			}
			else if (c == '\'') {
				int end = closing(source, i + 1, "'");
				i = end + 1;
			}
			else {
				// Only a + between two literals joins them; anything else ends the current literal.
				if (!Character.isWhitespace(c) && c != '+') {
					current = null;
				}
				i++;
			}
		}
		return literals;
	}

	private static StringBuilder append(List<String> literals, StringBuilder current, String text) {
		if (current == null) {
			literals.add(text);
			return new StringBuilder(text);
		}
		current.append(text);
		literals.set(literals.size() - 1, current.toString());
		return current;
	}

	private static int closing(String source, int from, String quote) {
		int i = from;
		while (i < source.length()) {
			if (source.charAt(i) == '\\') {
				i += 2;
			}
			else if (source.startsWith(quote, i)) {
				return i;
			}
			else {
				i++;
			}
		}
		return source.length();
	}

	private static int lineEnd(String source, int from) {
		int end = source.indexOf('\n', from);
		return end < 0 ? source.length() : end;
	}

	private static String stripSqlComments(String sql) {
		return sql.replaceAll("--[^\n]*", "");
	}

}
