package org.mentorhub.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit viewer's list of actions knows every action code the modules write literally. */
class AuditActionsTests {

	/** {@code AuditRecord.of("CODE"}, {@code AuditRecord.change("CODE"}, and constants such as {@code NOTE_READ = "NOTE_READ"}. */
	static final Pattern LITERAL = Pattern.compile(
			"AuditRecord\\.(?:of|change)\\(\"([A-Z0-9_]+)\"|finish\\(s, before, \"([A-Z0-9_]+)\"|rejectWith\\([^;]*\"([A-Z0-9_]+)\"\\)"
					+ "|record\\(\"([A-Z0-9_]+)\"|static final String [A-Z_]+ = \"([A-Z]+_[A-Z0-9_]+)\";");

	@Test
	void everyLiteralActionOfTheSourcesIsKnown() throws IOException {
		Set<String> written = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/mentorhub"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (!source.contains("AuditRecord")) {
					continue;
				}
				Matcher m = LITERAL.matcher(source);
				while (m.find()) {
					for (int g = 1; g <= m.groupCount(); g++) {
						if (m.group(g) != null) {
							written.add(m.group(g));
						}
					}
				}
			}
		}
		assertThat(written).as("codes found in the sources").hasSizeGreaterThan(40);
		assertThat(AuditActions.CODES).containsAll(written);
	}

}
