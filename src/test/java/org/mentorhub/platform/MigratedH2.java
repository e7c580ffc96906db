package org.mentorhub.platform;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.mentorhub.platform.FlywayVendorPlaceholders.Vendor;

/** A fresh in-memory H2 database of a test's own, with the real migrations run on their own connection. */
final class MigratedH2 {

	private MigratedH2() {
	}

	/** The URL of a new database (kept until the JVM ends), migrated as the application migrates H2. */
	static String create(String name) {
		String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.placeholders(FlywayVendorPlaceholders.placeholdersFor(Vendor.H2))
			.load()
			.migrate();
		return url;
	}

}
