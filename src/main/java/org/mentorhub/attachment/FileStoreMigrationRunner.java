package org.mentorhub.attachment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command that copies every file into another store, run at start-up when
 * {@code mentorhub.files.migrate.to} is set (docs/operations.md): for example
 * {@code java -jar mentorhub.jar --spring.main.web-application-type=none --mentorhub.files.migrate.from=filesystem --mentorhub.files.migrate.to=s3}.
 * It logs what it did and, unless {@code mentorhub.files.migrate.exit=false}, stops the application
 * with exit code 0 when every file is in the target, 1 otherwise (run it again: it resumes).
 */
@Component
@ConditionalOnProperty("mentorhub.files.migrate.to")
class FileStoreMigrationRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FileStoreMigrationRunner.class);

	private final FileStores stores;

	private final FileStoreMigration migration;

	private final FileStorageProperties properties;

	private final ConfigurableApplicationContext context;

	private volatile FileStoreMigration.Result result;

	FileStoreMigrationRunner(FileStores stores, FileStoreMigration migration, FileStorageProperties properties,
			ConfigurableApplicationContext context) {
		this.stores = stores;
		this.migration = migration;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		FileStorageProperties.Migrate migrate = this.properties.migrate();
		FileStorageProperties.Kind from = migrate.from() != null ? migrate.from() : this.properties.store();
		if (from == migrate.to()) {
			throw new IllegalStateException("mentorhub.files.migrate.from and .to name the same store: " + from);
		}
		FileStore source = this.stores.create(from);
		FileStore target = this.stores.create(migrate.to());
		try {
			log.info("Copying every stored file from {} to {}", source, target);
			this.result = this.migration.copy(source, target);
			log.info("Copy from {} to {} done: {}", source, target, this.result);
		}
		finally {
			close(source);
			close(target);
		}
		if (migrate.exit()) {
			int code = SpringApplication.exit(this.context, () -> this.result.complete() ? 0 : 1);
			System.exit(code);
		}
	}

	/** What the last run did (null before it ran). */
	FileStoreMigration.Result result() {
		return this.result;
	}

	private static void close(FileStore store) throws Exception {
		if (store instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
