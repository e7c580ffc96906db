package org.mentorhub.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The copy of every stored file into another store ({@link FileStoreMigration}, the command of
 * docs/operations.md): from the filesystem (the tests' default) into the database and into S3
 * (s3proxy); a second run copies nothing (idempotent); a run after a file was lost from the target
 * copies just that one (resumable); a file missing from the source is counted, not fatal. The
 * attachments table holds other test classes' rows too, so the counts are checked as "at least"
 * and the planted files one by one. Also the database store's transaction rules.
 */
@MentorHubIntegrationTest
class FileStoreMigrationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStore store;

	@Autowired
	FileStores stores;

	@Autowired
	FileStoreMigration migration;

	@Autowired
	FileStorageProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	List<String> keys = new ArrayList<>();

	List<byte[]> contents = new ArrayList<>();

	@BeforeEach
	void plantFiles() {
		assertThat(this.store).isInstanceOf(FilesystemFileStore.class);
		for (int i = 0; i < 3; i++) {
			byte[] content = ("file number " + i + " of the copy").getBytes();
			long id = TestFiles.plant(this.jdbc, "GOAL", 1_000_000 + i, null, null, "f" + i + ".txt", "text/plain",
					content);
			this.keys.add(this.jdbc.sql("SELECT storage_path FROM attachments WHERE id = :id")
				.param("id", id)
				.query(String.class)
				.single());
			this.contents.add(content);
		}
	}

	void assertAllIn(FileStore target) throws IOException {
		for (int i = 0; i < this.keys.size(); i++) {
			try (InputStream in = target.open(this.keys.get(i))) {
				assertThat(in.readAllBytes()).isEqualTo(this.contents.get(i));
			}
		}
	}

	@Test
	void copiesEveryFileIntoTheDatabaseOnceAndResumesAfterALoss() throws IOException {
		FileStore database = this.stores.create(FileStorageProperties.Kind.DATABASE);

		FileStoreMigration.Result first = this.migration.copy(this.store, database);
		assertThat(first.copied()).isGreaterThanOrEqualTo(3);
		assertThat(first.failed()).isZero();
		assertAllIn(database);

		FileStoreMigration.Result again = this.migration.copy(this.store, database);
		assertThat(again.copied()).as("idempotent").isZero();
		assertThat(again.alreadyThere()).isEqualTo(first.copied() + first.alreadyThere());

		database.delete(this.keys.get(1));
		FileStoreMigration.Result resumed = this.migration.copy(this.store, database);
		assertThat(resumed.copied()).as("only the lost file").isEqualTo(1);
		assertAllIn(database);
		// Nothing is deleted from the source.
		assertAllIn(this.store);
	}

	@Test
	void copiesEveryFileIntoS3AndCountsAFileMissingFromTheSource() throws Exception {
		this.store.delete(this.keys.get(2));
		try (S3FileStore s3 = S3FileStore.of(S3StandIn.settings("migration-" + System.nanoTime() + "/"))) {
			FileStoreMigration.Result result = this.migration.copy(this.store, s3);

			assertThat(result.copied()).isGreaterThanOrEqualTo(2);
			assertThat(result.missing()).isGreaterThanOrEqualTo(1);
			assertThat(result.complete()).isFalse();
			assertThat(s3.exists(this.keys.get(0))).isTrue();
			assertThat(s3.exists(this.keys.get(1))).isTrue();
			assertThat(s3.exists(this.keys.get(2))).isFalse();
		}
	}

	@Test
	void theCommandCopiesBetweenTheConfiguredStoresAndRefusesOneStoreToItself() throws Exception {
		FileStorageProperties.Migrate migrate = new FileStorageProperties.Migrate(FileStorageProperties.Kind.FILESYSTEM,
				FileStorageProperties.Kind.DATABASE, false);
		FileStoreMigrationRunner runner = new FileStoreMigrationRunner(this.stores, this.migration,
				withMigrate(migrate), null);
		runner.run(null);
		assertThat(runner.result().failed()).isZero();
		assertAllIn(this.stores.create(FileStorageProperties.Kind.DATABASE));

		FileStoreMigrationRunner same = new FileStoreMigrationRunner(this.stores, this.migration,
				withMigrate(new FileStorageProperties.Migrate(null, FileStorageProperties.Kind.FILESYSTEM, false)), null);
		assertThatThrownBy(() -> same.run(null)).hasMessageContaining("the same store");
	}

	@Test
	void theDatabaseStoreWritesWithTheCallersTransactionAndDeletesInItsOwn() throws IOException {
		FileStore database = this.stores.create(FileStorageProperties.Kind.DATABASE);
		String key = "ab/" + "ab".repeat(16) + ".txt";
		database.delete(key);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		transaction.executeWithoutResult(status -> {
			try {
				database.write(key, "rolled back".getBytes());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			status.setRollbackOnly();
		});
		assertThat(database.exists(key)).as("the bytes rolled back with the transaction").isFalse();

		database.write(key, "kept".getBytes());
		assertThatThrownBy(() -> database.write(key, "again".getBytes()))
			.isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
		transaction.executeWithoutResult(status -> {
			try {
				database.delete(key);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			status.setRollbackOnly();
		});
		assertThat(database.exists(key)).as("a delete commits on its own").isFalse();
		assertThatThrownBy(() -> database.open(key)).isInstanceOf(java.io.FileNotFoundException.class);
	}

	FileStorageProperties withMigrate(FileStorageProperties.Migrate migrate) {
		FileStorageProperties p = this.properties;
		return new FileStorageProperties(p.store(), p.root(), p.quotaPerOwner(), p.maxFileSize(), p.s3(), migrate);
	}

}
