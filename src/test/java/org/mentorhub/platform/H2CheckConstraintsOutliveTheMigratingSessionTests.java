package org.mentorhub.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The H2 suite shares one in-memory database among many application contexts. Flyway migrates it on
 * one connection, and the pool later retires that connection. H2 2.4.240 then failed every CHECK
 * constraint with "Check constraint invalid" (h2database#4302), which broke hundreds of tests at a
 * random point of a long run. This runs the real migrations on their own connection, closes it, and
 * writes through a new one, as the suite does.
 */
class H2CheckConstraintsOutliveTheMigratingSessionTests {

	private static final String INSERT = "INSERT INTO institutions (name, code, kind, time_zone) VALUES (?, ?, ?, 'UTC')";

	@Test
	void checkConstraintsStillWorkAfterTheConnectionThatCreatedThemCloses() throws SQLException {
		String url = MigratedH2.create("check");
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement insert = connection.prepareStatement(INSERT)) {
			insert.setString(1, "Check University");
			insert.setString(2, "CHECK-U");
			insert.setString(3, "UNIVERSITY");
			assertThat(insert.executeUpdate()).isEqualTo(1);

			insert.setString(1, "Bad Kind");
			insert.setString(2, "CHECK-X");
			insert.setString(3, "CASTLE");
			// 23513 is "the row violates the check"; 23514, "the check could not be evaluated", was the bug.
			assertThatExceptionOfType(SQLException.class).isThrownBy(insert::executeUpdate)
				.satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(23513));
		}
	}

}
