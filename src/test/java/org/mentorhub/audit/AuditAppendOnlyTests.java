package org.mentorhub.audit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log is append-only (QUALITY S12): no code path changes or deletes an audit row, and
 * only the audit module (through {@link AuditTrail}) writes to the table. Checked on the sources
 * and on the string constants of the compiled classes, which include every SQL text.
 */
class AuditAppendOnlyTests {

	/** SQL that would change or remove audit rows, whitespace and case aside. */
	static final Pattern CHANGES_AUDIT_ROWS = Pattern.compile(
			"\\b(update\\s+audit_logs\\b|delete\\s+from\\s+audit_logs\\b|delete\\s+audit_logs\\b|truncate\\s+(table\\s+)?audit_logs\\b"
					+ "|merge\\s+into\\s+audit_logs\\b|replace\\s+into\\s+audit_logs\\b|drop\\s+table\\s+(if\\s+exists\\s+)?audit_logs\\b)");

	/**
	 * The one change the audit log allows (GDPR Art. 17 against QUALITY S12): erasing a person
	 * pseudonymises their own rows, replacing the actor's label and dropping the IP address and browser,
	 * and keeps every action, record and time. Only {@link AuditPrivacy} may hold it, and only this exact
	 * statement (whitespace and case aside): any other column, table or class is still refused.
	 */
	static final String PSEUDONYMISATION = "update audit_logs set actor_label = ?, ip = null, user_agent = null where user_id = ?";

	static final String PSEUDONYMISING_CLASS = "org/mentorhub/audit/AuditPrivacy";

	static String normalised(String sql) {
		return sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	/** Whether this statement of this class is the sanctioned pseudonymisation. */
	static boolean sanctioned(String type, String sql) {
		return type.equals(PSEUDONYMISING_CLASS) && normalised(sql).startsWith(PSEUDONYMISATION + " ")
				&& !normalised(sql).substring(PSEUDONYMISATION.length()).matches(".*\\b(update|delete|truncate|merge|replace|drop)\\b.*");
	}

	/** Outside the audit module, no class may name the table (the demo trail is seeded by the audit module itself). */
	static final List<String> ALLOWED_OUTSIDE_AUDIT = List.of();

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.mentorhub");

	static Path classesRoot() throws Exception {
		return Paths.get(AuditTrail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	@Test
	void noCompiledClassHoldsSqlThatChangesOrDeletesAuditRows() throws Exception {
		Map<String, List<String>> offenders = new TreeMap<>();
		for (Map.Entry<String, List<String>> entry : stringConstants().entrySet()) {
			for (String constant : entry.getValue()) {
				if (CHANGES_AUDIT_ROWS.matcher(constant.toLowerCase(Locale.ROOT)).find()
						&& !sanctioned(entry.getKey(), constant)) {
					offenders.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(constant);
				}
			}
		}
		assertThat(offenders).as("classes with SQL that changes or deletes audit rows").isEmpty();
	}

	@Test
	void noSourceOrResourceChangesOrDeletesAuditRows() throws Exception {
		List<String> offenders = new ArrayList<>();
		for (String root : List.of("src/main/java", "src/main/resources")) {
			Path path = Paths.get(root);
			if (!Files.isDirectory(path)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(path)) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")
							|| f.toString().endsWith(".xml") || f.toString().endsWith(".properties"))
					.toList()) {
					String text = Files.readString(file).toLowerCase(Locale.ROOT).replaceAll("\"\\s*\\+\\s*\"", "");
					if (file.toString().replace('\\', '/').endsWith(PSEUDONYMISING_CLASS.substring("org/mentorhub/".length()) + ".java")) {
						text = normalised(text).replace(PSEUDONYMISATION + " and", "");
					}
					if (CHANGES_AUDIT_ROWS.matcher(text).find()) {
						offenders.add(file.toString());
					}
				}
			}
		}
		assertThat(offenders).as("files with SQL that changes or deletes audit rows").isEmpty();
	}

	@Test
	void onlyTheAuditModuleNamesTheAuditTable() throws Exception {
		List<String> outside = new ArrayList<>();
		stringConstants().forEach((type, constants) -> {
			boolean mentions = constants.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("audit_logs"));
			boolean allowed = type.startsWith("org/mentorhub/audit/")
					|| ALLOWED_OUTSIDE_AUDIT.stream().anyMatch(type::startsWith);
			if (mentions && !allowed) {
				outside.add(type);
			}
		});
		assertThat(outside).as("classes outside the audit module that name the audit_logs table").isEmpty();
	}

	@Test
	void theDetectorRecognisesTheStatementsItForbids() {
		assertThat(Stream.of("UPDATE audit_logs SET x = 1", "delete from\n  audit_logs where id = 1",
				"TRUNCATE TABLE audit_logs", "merge into audit_logs using ...")
			.map(sql -> CHANGES_AUDIT_ROWS.matcher(sql.toLowerCase(Locale.ROOT)).find())).containsOnly(true);
		assertThat(CHANGES_AUDIT_ROWS.matcher("insert into audit_logs (action) values ('x')").find()).isFalse();
		assertThat(CHANGES_AUDIT_ROWS.matcher("select * from audit_logs_archive").find()).isFalse();
	}

	@Test
	void theOnlyExceptionIsThePseudonymisationOfOnePersonsRowsInAuditPrivacy() {
		String statement = "UPDATE audit_logs SET actor_label = ?, ip = NULL, user_agent = NULL\n WHERE user_id = ? AND (ip IS NOT NULL)";
		assertThat(sanctioned(PSEUDONYMISING_CLASS, statement)).isTrue();
		assertThat(sanctioned("org/mentorhub/identity/IdentityPrivacy", statement)).isFalse();
		assertThat(sanctioned(PSEUDONYMISING_CLASS, "UPDATE audit_logs SET action = ? WHERE user_id = ?")).isFalse();
		assertThat(sanctioned(PSEUDONYMISING_CLASS, "UPDATE audit_logs SET actor_label = ?, ip = NULL, user_agent = NULL, "
				+ "after_state = NULL WHERE user_id = ?")).isFalse();
		assertThat(sanctioned(PSEUDONYMISING_CLASS, "DELETE FROM audit_logs WHERE user_id = ?")).isFalse();
		assertThat(sanctioned(PSEUDONYMISING_CLASS, PSEUDONYMISATION + " ; delete from audit_logs")).isFalse();
	}

	// Writing goes through AuditTrail, whose public methods only append; a JPA entity on the table
	// would let any transaction update or delete rows by dirty checking.
	@Test
	void auditTrailOnlyAppendsAndNoEntityMapsTheTable() {
		methods().that()
			.areDeclaredIn(AuditTrail.class)
			.and()
			.arePublic()
			.should()
			.haveNameMatching("record|recordFor|recordAll")
			.check(CLASSES);
		assertThat(CLASSES.stream()
			.filter(type -> type.isAnnotatedWith(Table.class))
			.map(type -> type.getAnnotationOfType(Table.class).name())
			.toList()).doesNotContain("audit_logs");
	}

	// Other modules may add facts (AuditTrail, AuditRecord) but not reach the viewer's internals.
	@Test
	void otherModulesUseOnlyTheAuditTrailApi() {
		noClasses().that()
			.resideOutsideOfPackage("org.mentorhub.audit..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(AuditLog.class, AuditFilter.class, AuditPage.class, AuditEntry.class)
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	/** The string constants (CONSTANT_Utf8 entries) of every compiled class, by class file path. */
	static Map<String, List<String>> stringConstants() throws Exception {
		Path root = classesRoot();
		Map<String, List<String>> constants = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
				String type = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
				try (InputStream in = Files.newInputStream(file)) {
					constants.put(type, utf8Constants(in));
				}
			}
		}
		assertThat(constants).as("compiled classes to scan").containsKey("org/mentorhub/audit/AuditTrail");
		return constants;
	}

	static List<String> utf8Constants(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		if (in.readInt() != 0xCAFEBABE) {
			throw new IOException("Not a class file");
		}
		in.readUnsignedShort();
		in.readUnsignedShort();
		int count = in.readUnsignedShort();
		List<String> strings = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			int tag = in.readUnsignedByte();
			switch (tag) {
				case 1 -> strings.add(in.readUTF());
				case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
				case 5, 6 -> {
					in.skipNBytes(8);
					i++;
				}
				case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
				case 15 -> in.skipNBytes(3);
				default -> throw new IOException("Unknown constant pool tag " + tag);
			}
		}
		return strings;
	}

}
