package org.mentorhub.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The alert rule sweep benchmark (not part of the test suite: its name does not end in Tests). Run it
 * with {@code bench/alert-rules/run.sh}. It makes a fresh university with {@code bench.students}
 * students (default 20,000; every third below the GPA threshold, every fifth with a HIGH risk level),
 * switches on the GPA, attendance, risk, no-show, goal, cadence and action-item rules, then times the
 * first sweep (which raises the alerts), a second one (nothing changed: reads only) and counts the
 * statements of each. Writes bench/results/alert-rules-sweep.txt (or {@code bench.out}).
 */
@MentorHubIntegrationTest
class AlertRuleSweepBenchmark {

	static final int STUDENTS = Integer.getInteger("bench.students", 20_000);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	AlertRuleSweep sweep;

	@Test
	void sweep() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		long department = college.departments().get("CS");
		long role = this.jdbc.sql("SELECT id FROM roles WHERE name = 'MENTEE'").query(Long.class).single();
		String hash = TestAccounts.hash("mentorhub-bench");
		String prefix = "sweep-" + college.code().toLowerCase() + "-";
		List<Object[]> users = new ArrayList<>();
		for (int i = 0; i < STUDENTS; i++) {
			users.add(new Object[] { college.id(), department, role, prefix + i, prefix + i + "@bench.example",
					"Bench Student " + i, hash });
		}
		this.template.batchUpdate("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, "
				+ "full_name, password_hash, status, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 'UTC')", users);
		List<Long> ids = this.jdbc.sql("SELECT id FROM users WHERE institution_id = :i AND primary_role_id = :r ORDER BY id")
			.param("i", college.id()).param("r", role).query(Long.class).list();
		List<Object[]> roles = new ArrayList<>();
		List<Object[]> records = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			roles.add(new Object[] { ids.get(i), role });
			records.add(new Object[] { ids.get(i), "B" + ids.get(i), i % 3 == 0 ? "1.90" : "3.20", "90",
					i % 5 == 0 ? "HIGH" : "LOW" });
		}
		this.template.batchUpdate("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)", roles);
		this.template.batchUpdate("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level) "
				+ "VALUES (?, ?, CAST(? AS DECIMAL(4, 2)), CAST(? AS DECIMAL(5, 2)), ?)", records);
		for (AlertRuleKind kind : AlertRuleKind.values()) {
			AlertRuleFixtures.rule(this.jdbc, college.id(), kind.name(),
					kind.hasThreshold() ? kind.defaultThreshold().toPlainString() : null, kind.defaultWindowWeeks(), "WARN",
					false, admin.id());
		}
		// Fresh statistics, as a production database has them: right after a bulk load PostgreSQL planned the
		// sweep's batch query over the role view with none and took 305 s per batch of 500 (50,000 students).
		if ("postgresql".equals(org.mentorhub.TestDatabase.current())) {
			this.template.execute("ANALYZE");
		}
		StringBuilder out = new StringBuilder();
		out.append("# Alert rule sweep, ").append(Instant.now()).append(", ").append(STUDENTS).append(" students, ")
			.append(AlertRuleKind.values().length).append(" rules on, database ")
			.append(System.getProperty("mentorhub.test.db", "h2")).append('\n');
		for (String run : List.of("first (raises)", "second (nothing changed)")) {
			long start = System.nanoTime();
			int[] changed = new int[1];
			long statements = StatementCounter.count(() -> changed[0] = this.sweep.sweep(college.id(), Instant.now()));
			long millis = (System.nanoTime() - start) / 1_000_000;
			out.append(String.format("%-26s %8d ms %8d statements %8d alerts changed%n", run, millis, statements,
					changed[0]));
		}
		String file = System.getProperty("bench.out", "bench/results/alert-rules-sweep.txt");
		write(Path.of(file), out.toString());
		System.out.print(out);
	}

	private static void write(Path file, String text) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, text);
	}

}
