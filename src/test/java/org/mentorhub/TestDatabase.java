package org.mentorhub;

import java.util.Locale;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of the integration tests from the system property {@code mentorhub.test.db}:
 * {@code h2} (default), {@code postgresql} or {@code mariadb}. Each has a profile
 * {@code test-<db>} in {@code src/test/resources}.
 */
public final class TestDatabase implements ActiveProfilesResolver {

	/** The database the tests run on. */
	public static String current() {
		String db = System.getProperty("mentorhub.test.db", "h2").trim().toLowerCase(Locale.ROOT);
		return switch (db) {
			case "", "h2" -> "h2";
			case "postgresql", "postgres", "pg" -> "postgresql";
			case "mariadb", "mysql" -> "mariadb";
			default -> throw new IllegalArgumentException(
					"mentorhub.test.db must be h2, postgresql or mariadb, not " + db);
		};
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		return new String[] { "test", "test-" + current() };
	}

}
