package org.mentorhub.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies the bytes of every stored file (every {@code attachments} row: attachments and avatars) from
 * one {@link FileStore} into another, for an installation that moves from the filesystem to S3 or the
 * database (docs/operations.md). The rows are read in order of id, a page at a time; a file already
 * in the target is skipped, so the copy is idempotent and, when stopped, resumes where it stopped
 * when run again (every store writes a file whole or not at all). A file missing from the source, or
 * one that fails, is logged by its row id and counted, and the copy goes on. Nothing is deleted from
 * the source: that is the operator's step once the application runs on the new store.
 */
@Component
class FileStoreMigration {

	private static final Logger log = LoggerFactory.getLogger(FileStoreMigration.class);

	static final int PAGE = 200;

	private final JdbcClient jdbc;

	FileStoreMigration(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a copy did: files copied, already there, missing from the source, and failed. */
	record Result(int copied, int alreadyThere, int missing, int failed) {

		boolean complete() {
			return this.missing == 0 && this.failed == 0;
		}

	}

	private record Row(long id, String key, long size) {
	}

	Result copy(FileStore from, FileStore to) {
		int copied = 0;
		int alreadyThere = 0;
		int missing = 0;
		int failed = 0;
		long after = 0;
		List<Row> page;
		do {
			page = this.jdbc
				.sql("SELECT id, storage_path, size_bytes FROM attachments WHERE id > :after ORDER BY id LIMIT " + PAGE)
				.param("after", after)
				.query((rows, n) -> new Row(rows.getLong(1), rows.getString(2), rows.getLong(3)))
				.list();
			for (Row row : page) {
				after = row.id();
				try {
					if (to.exists(row.key())) {
						alreadyThere++;
					}
					else if (!from.exists(row.key())) {
						missing++;
						log.warn("File {} (attachment {}) is missing from {}", row.key(), row.id(), from);
					}
					else {
						try (InputStream content = from.open(row.key())) {
							to.write(row.key(), content, row.size());
						}
						copied++;
					}
				}
				catch (IOException | RuntimeException ex) {
					failed++;
					log.warn("Could not copy file {} (attachment {})", row.key(), row.id(), ex);
				}
			}
			if (!page.isEmpty()) {
				log.info("Copied files up to attachment {}: {} copied, {} already there, {} missing, {} failed", after,
						copied, alreadyThere, missing, failed);
			}
		}
		while (page.size() == PAGE);
		return new Result(copied, alreadyThere, missing, failed);
	}

}
