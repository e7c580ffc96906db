package org.mentorhub;

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

class FlywayPlaceholdersTests {

	@Test
	void migrationsUseOnlyTheVendorPlaceholdersThePlatformDefines() throws IOException {
		Set<String> used = new TreeSet<>();
		Pattern placeholder = Pattern.compile("\\$\\{([^}]+)}");
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
				Matcher matcher = placeholder.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).containsExactlyInAnyOrder("id", "ts", "text", "blob");
	}

	@Test
	void migrationFilesFollowTheNamingRule() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
			assertThat(files.filter(path -> path.toString().endsWith(".sql")).map(path -> path.getFileName().toString()))
				.allMatch(name -> name.matches("V\\d+__[a-z]+_[a-z0-9_]+\\.sql"));
		}
	}

}
