package org.mentorhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Generates the university-scale data set (not part of the test suite: its name does not end in Tests).
 * Run it with {@code bench/dataset/run.sh}, which recreates the bench database, starts the application
 * context here (Flyway migrates; the script switches the demo off) and writes
 * bench/results/data-&lt;db&gt;.txt with the sizes, the rows per table and the time taken.
 */
@MentorHubIntegrationTest
class UniversityDataGenerator {

	/** The password of every generated person (bench data only). */
	static final String PASSWORD = "mentorhub-bench";

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void generate() throws Exception {
		UniversityData.Sizes sizes = UniversityData.Sizes.UNIVERSITY.fromSystemProperties();
		UniversityData data = new UniversityData(this.dataSource, "",
				this.passwords.encode(System.getProperty("bench.password", PASSWORD)), sizes);
		UniversityData.Result result = data.generate();
		List<String> report = new ArrayList<>();
		String product;
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
			report.add("# University data set on " + product);
			report.add("sizes: " + sizes);
			report.add(String.format("generated %,d rows in %.1f s (%,.0f rows/s)%s", result.rows(), result.seconds(),
					result.rows() / Math.max(result.seconds(), 0.001), result.rows() == 0 ? " (the set was there already)" : ""));
			report.add("logins (password " + System.getProperty("bench.password", PASSWORD) + "): "
					+ String.join(", ", data.email("mentor", 0), data.email("mentee", 0), data.email("coordinator", 0),
							data.email("admin", 0), data.email("platform", 0)));
			report.add("rows per table:");
			for (String table : UniversityData.TABLES) {
				try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
					rs.next();
					report.add(String.format("  %-20s %,12d", table, rs.getLong(1)));
				}
			}
			try (var rs = s.executeQuery("SELECT COUNT(*) FROM mentor_profiles mp WHERE mp.current_mentee_count <> "
					+ "(SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = mp.user_id AND m.status IN ('ACTIVE', 'PAUSED'))")) {
				rs.next();
				report.add("mentor profiles whose current_mentee_count differs from their ACTIVE and PAUSED mentorships: "
						+ rs.getLong(1));
				if (rs.getLong(1) != 0) {
					throw new IllegalStateException("mentee counts do not match: " + String.join("\n", report));
				}
			}
		}
		report.forEach(System.out::println);
		Path out = Path.of(System.getProperty("bench.out", "bench/results/data.txt"));
		Files.createDirectories(out.getParent());
		Files.writeString(out, String.join("\n", report) + "\n");
	}

}
