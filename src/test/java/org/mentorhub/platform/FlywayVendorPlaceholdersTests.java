package org.mentorhub.platform;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.FlywayVendorPlaceholders.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FlywayVendorPlaceholdersTests {

	@Test
	void recognisesTheSupportedDatabasesByProductName() {
		assertThat(Vendor.fromProductName("H2")).isEqualTo(Vendor.H2);
		assertThat(Vendor.fromProductName("PostgreSQL")).isEqualTo(Vendor.POSTGRESQL);
		assertThat(Vendor.fromProductName("MariaDB")).isEqualTo(Vendor.MARIADB);
		assertThat(Vendor.fromProductName("MySQL")).isEqualTo(Vendor.MARIADB);
	}

	@Test
	void refusesAnUnsupportedDatabaseWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> Vendor.fromProductName("Oracle"))
			.withMessageContaining("Unsupported database: Oracle");
	}

	@Test
	void mariaDbUsesAutoIncrementAndDatetime() {
		assertThat(FlywayVendorPlaceholders.placeholdersFor(Vendor.MARIADB)).containsEntry("id", "BIGINT AUTO_INCREMENT")
			.containsEntry("ts", "DATETIME(6)");
	}

	@Test
	void everyVendorDefinesEveryPlaceholder() {
		for (Vendor vendor : Vendor.values()) {
			assertThat(FlywayVendorPlaceholders.placeholdersFor(vendor)).containsOnlyKeys("id", "ts", "text", "blob");
		}
	}

}
