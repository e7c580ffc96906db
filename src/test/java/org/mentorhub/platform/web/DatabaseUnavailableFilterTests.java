package org.mentorhub.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean that the database cannot be reached (a 503), and which are ordinary errors. */
class DatabaseUnavailableFilterTests {

	@Test
	void theWaysALostDatabaseShowsAreRecognised() {
		assertThat(DatabaseUnavailableFilter.unreachable(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
		assertThat(DatabaseUnavailableFilter.unreachable(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailableFilter.unreachable(
				new IllegalStateException(new SQLException("An I/O error occurred", "08006")))).isTrue();
		assertThat(DatabaseUnavailableFilter.unreachable(new RuntimeException(new ConnectException("refused")))).isTrue();
		TransactionSystemException rollback = new TransactionSystemException("Could not roll back");
		rollback.initApplicationException(new SQLException("reset", "08006"));
		assertThat(DatabaseUnavailableFilter.unreachable(rollback)).isTrue();
	}

	@Test
	void ordinaryFailuresAreNot() {
		assertThat(DatabaseUnavailableFilter.unreachable(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailableFilter.unreachable(new DataIntegrityViolationException("duplicate",
				new SQLException("unique", "23505")))).isFalse();
		assertThat(DatabaseUnavailableFilter.databaseRelated(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailableFilter.databaseRelated(new DataIntegrityViolationException("duplicate"))).isTrue();
	}

}
