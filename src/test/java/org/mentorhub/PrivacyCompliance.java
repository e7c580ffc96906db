package org.mentorhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PrivacyProvider;

/**
 * The privacy compliance rule (docs/privacy.md), read from the migrations as text: every table with a column
 * that names a person belongs to a module, and that module's {@link PrivacyProvider} must declare it. A column
 * names a person when it references {@code users} (a foreign key, inline or as a constraint, in the CREATE
 * TABLE or a later ALTER TABLE) or when its name says so ({@link #PERSON_COLUMN}); the {@code users} table
 * itself is personal. Table owners are read the way {@link TableOwnershipTests} reads them.
 */
final class PrivacyCompliance {

	/**
	 * Column names that name a person even without a foreign key: user-like ids ({@code user_id},
	 * {@code mentor_id}, {@code student_id}, {@code sender_id}, {@code contact_user_id}, ...), "done by"
	 * columns ({@code created_by_id}, {@code submitted_by}, {@code last_sent_by}), e-mail addresses, mail
	 * recipients and Spring Session's principal name.
	 */
	static final Pattern PERSON_COLUMN = Pattern.compile("(?:[a-z]+_)?(?:user|mentor|mentee|student|author|sender"
			+ "|receiver|recipient|giver|owner|mother|proxy|blocker|blocked|requester|actor|reporter|assignee|member"
			+ "|person|uploader|approver|reviewer|employee|parent_user|contact_user|user_low|user_high)_id"
			+ "|[a-z_]*_by(?:_id)?|(?:[a-z_]+_)?email|recipient|principal_name");

	/**
	 * Columns whose name looks like a person's but is not, with the reason: each entry is a decision, not a
	 * way out of the rule.
	 */
	static final Map<String, String> NOT_A_PERSON = Map.of("shedlock.locked_by",
			"ShedLock's lock holder: the host name of the instance, not a person", "institution_sso.trust_issuer_email",
			"A yes/no setting of the institution: whether the issuer's e-mail addresses count as verified");

	/** Clauses of a CREATE TABLE that are not columns. */
	private static final Pattern NOT_A_COLUMN = Pattern
		.compile("(?i)(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|INDEX|KEY)\\b.*", Pattern.DOTALL);

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`]?(\\w+)[\"`]?\\s*\\(");

	private static final Pattern ALTER_ADD_COLUMN = Pattern.compile(
			"(?i)\\bALTER\\s+TABLE\\s+[\"`]?(\\w+)[\"`]?\\s+ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`]?(\\w+)[\"`]?([^;]*)");

	private static final Pattern FOREIGN_KEY = Pattern
		.compile("(?i)FOREIGN\\s+KEY\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+[\"`]?(\\w+)");

	private static final Pattern REFERENCES_USERS = Pattern.compile("(?i)\\bREFERENCES\\s+[\"`]?users[\"`]?\\b");

	private PrivacyCompliance() {
	}

	/** A table that holds personal data: its owner and the columns that name a person. */
	record Personal(String owner, Set<String> columns) {
	}

	/** Every table whose columns name a person, by lower-case name, with its owning module. */
	static Map<String, Personal> personalTables() throws IOException {
		Map<String, TableOwnershipTests.Relation> relations = TableOwnershipTests.relations();
		Map<String, Set<String>> columns = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TableOwnershipTests.MIGRATIONS)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
				personalColumns(Files.readString(file).replaceAll("--[^\n]*", ""), columns);
			}
		}
		Map<String, Personal> personal = new TreeMap<>();
		columns.forEach((table, names) -> {
			TableOwnershipTests.Relation relation = relations.get(table);
			if (relation != null && !relation.view() && !names.isEmpty()) {
				personal.put(table, new Personal(relation.owner(), names));
			}
		});
		return personal;
	}

	/** Adds the person columns of one migration's SQL to {@code columns} (table → names). */
	static void personalColumns(String sql, Map<String, Set<String>> columns) {
		Matcher create = CREATE_TABLE.matcher(sql);
		while (create.find()) {
			String table = create.group(1).toLowerCase(Locale.ROOT);
			Set<String> found = columns.computeIfAbsent(table, key -> new TreeSet<>());
			if (table.equals("users")) {
				found.add("id");
			}
			for (String item : items(sql, create.end())) {
				Matcher foreignKey = FOREIGN_KEY.matcher(item);
				if (foreignKey.find()) {
					if (foreignKey.group(2).equalsIgnoreCase("users")) {
						for (String column : foreignKey.group(1).split(",")) {
							found.add(column.trim().replaceAll("[\"`]", "").toLowerCase(Locale.ROOT));
						}
					}
				}
				else if (!NOT_A_COLUMN.matcher(item).matches()) {
					String[] words = item.split("\\s+", 2);
					String column = words[0].replaceAll("[\"`]", "").toLowerCase(Locale.ROOT);
					if (isPerson(table, column, words.length > 1 ? words[1] : "")) {
						found.add(column);
					}
				}
			}
		}
		Matcher alter = ALTER_ADD_COLUMN.matcher(sql);
		while (alter.find()) {
			String table = alter.group(1).toLowerCase(Locale.ROOT);
			String word = alter.group(2).toLowerCase(Locale.ROOT);
			if (word.equals("constraint")) {
				Matcher foreignKey = FOREIGN_KEY.matcher(alter.group(3));
				if (foreignKey.find() && foreignKey.group(2).equalsIgnoreCase("users")) {
					for (String column : foreignKey.group(1).split(",")) {
						columns.computeIfAbsent(table, key -> new TreeSet<>())
							.add(column.trim().replaceAll("[\"`]", "").toLowerCase(Locale.ROOT));
					}
				}
			}
			else if (isPerson(table, word, alter.group(3))) {
				columns.computeIfAbsent(table, key -> new TreeSet<>()).add(word);
			}
		}
	}

	private static boolean isPerson(String table, String column, String definition) {
		if (NOT_A_PERSON.containsKey(table + "." + column)) {
			return false;
		}
		return PERSON_COLUMN.matcher(column).matches() || REFERENCES_USERS.matcher(definition).find();
	}

	/** The comma-separated items of a parenthesised list that starts at {@code from} (after its '('). */
	private static List<String> items(String sql, int from) {
		List<String> items = new ArrayList<>();
		int depth = 1;
		StringBuilder item = new StringBuilder();
		for (int i = from; i < sql.length() && depth > 0; i++) {
			char c = sql.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			if (depth == 0 || (depth == 1 && c == ',')) {
				items.add(item.toString().trim());
				item.setLength(0);
			}
			else {
				item.append(c);
			}
		}
		items.removeIf(String::isEmpty);
		return items;
	}

	/** What a provider declares: its module and its tables with their user columns. */
	record Declaration(String module, Map<String, List<String>> tables) {

		static Declaration of(PrivacyProvider provider) {
			Map<String, List<String>> tables = new TreeMap<>();
			for (PersonalTable table : provider.tables()) {
				tables.put(table.name().toLowerCase(Locale.ROOT), table.userColumns());
			}
			return new Declaration(provider.module(), tables);
		}

	}

	/**
	 * What breaks the rule: a module owning a personal table with no provider; a provider that leaves one of
	 * its module's personal tables out; a provider that declares a table its module does not own (a typo or
	 * a dropped table); two providers for one module. Empty when the rule holds.
	 */
	static List<String> violations(Map<String, Personal> personal, Map<String, String> owners,
			Collection<Declaration> declarations) {
		List<String> violations = new ArrayList<>();
		Map<String, Declaration> byModule = new TreeMap<>();
		for (Declaration declaration : declarations) {
			if (byModule.put(declaration.module(), declaration) != null) {
				violations.add("module " + declaration.module() + " has more than one privacy provider");
			}
		}
		personal.forEach((table, found) -> {
			Declaration declaration = byModule.get(found.owner());
			if (declaration == null) {
				violations.add("module " + found.owner() + " owns " + table + " (person columns " + found.columns()
						+ ") but has no PrivacyProvider");
			}
			else if (!declaration.tables().containsKey(table)) {
				violations.add("the " + found.owner() + " PrivacyProvider leaves out " + table + " (person columns "
						+ found.columns() + ")");
			}
		});
		for (Declaration declaration : byModule.values()) {
			declaration.tables().keySet().forEach(table -> {
				if (!declaration.module().equals(owners.get(table))) {
					violations.add("the " + declaration.module() + " PrivacyProvider declares " + table
							+ ", which its module does not own (owner: " + owners.get(table) + ")");
				}
			});
		}
		return violations;
	}

	/** Every table and view by lower-case name with its owning module. */
	static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		TableOwnershipTests.relations().forEach((name, relation) -> owners.put(name, relation.owner()));
		return owners;
	}

}
