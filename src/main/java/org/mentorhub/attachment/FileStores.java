package org.mentorhub.attachment;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes a {@link FileStore} of each kind from {@code mentorhub.files.*}: the one the application uses,
 * and the two ends of a copy between stores ({@link FileStoreMigration}). Whoever makes a store closes
 * it when it is {@link AutoCloseable} (the S3 one holds an HTTP client).
 */
class FileStores {

	private final FileStorageProperties properties;

	private final JdbcTemplate jdbc;

	private final PlatformTransactionManager transactions;

	private final Clock clock;

	FileStores(FileStorageProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	FileStore create(FileStorageProperties.Kind kind) {
		return switch (kind) {
			case FILESYSTEM -> new FilesystemFileStore(this.properties.root());
			case S3 -> S3FileStore.of(this.properties.s3());
			case DATABASE -> new DatabaseFileStore(this.jdbc, this.transactions, this.clock);
		};
	}

}
