package org.mentorhub.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.mentorhub.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log viewer's query on H2 reads the institution's newest rows in index order. Without V111's
 * descending index, H2 took the foreign key's index and sorted every row of the institution: 19.5 s a page
 * at full scale, and the pool's timeouts for every page after it (docs/performance.md). Runs the real
 * migrations on a database of its own, whatever database the suite runs on.
 */
class H2AuditLogPlanTests {

	@Test
	void theViewersPageIsReadInIndexOrderNotSorted() throws SQLException {
		String url = MigratedH2.create("audit-plan");
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO institutions (name, code, kind, time_zone) "
						+ "VALUES ('Plan University', 'PLAN-U', 'UNIVERSITY', 'UTC')");
				statement.executeUpdate("INSERT INTO audit_logs (institution_id, action, entity, entity_id, created_at) "
						+ "SELECT (SELECT id FROM institutions WHERE code = 'PLAN-U'), 'BULK', 'users', CAST(x AS VARCHAR), "
						+ "DATEADD('SECOND', x, TIMESTAMP '2026-01-01 00:00:00') FROM SYSTEM_RANGE(1, 5000)");
				statement.execute("ANALYZE");
			}
			try (PreparedStatement explain = connection
				.prepareStatement("EXPLAIN " + AuditLog.newestFirst("institution_id = ?", 26, 25))) {
				explain.setLong(1, 1L);
				try (ResultSet plan = explain.executeQuery()) {
					assertThat(plan.next()).isTrue();
					assertThat(plan.getString(1)).contains("IX_AUDIT_LOGS_INSTITUTION_CREATED")
						.contains("/* index sorted */");
				}
			}
		}
	}

}
