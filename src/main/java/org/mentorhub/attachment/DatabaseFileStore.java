package org.mentorhub.attachment;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files as rows of {@code stored_file_contents} (V96; BYTEA on PostgreSQL, LONGBLOB on MariaDB, BLOB
 * on H2), for installations with no object storage ({@code mentorhub.files.store=database}): every
 * instance on the database sees every file, and the backup of the database holds the files too.
 *
 * <p>A write joins the caller's transaction, so the bytes of an upload commit or roll back with its
 * {@code attachments} row. A delete runs in a transaction of its own, because it is called after
 * the deleting transaction committed ({@link StoredFileCleanup}). A download reads the whole value
 * (at most {@code mentorhub.files.max-file-size}) before the stream is handed out, because the
 * connection goes back to the pool when the reading transaction ends, before the response is
 * written; the copy between stores writes from a stream. MariaDB's {@code max_allowed_packet}
 * (16 MB by default) must exceed the largest file.
 */
class DatabaseFileStore implements FileStore {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	DatabaseFileStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public void write(String key, byte[] content) throws IOException {
		write(key, new ByteArrayInputStream(content), content.length);
	}

	@Override
	public void write(String key, InputStream content, long size) throws IOException {
		FileStoreKeys.require(key);
		try {
			this.jdbc.update(
					"INSERT INTO stored_file_contents (storage_key, size_bytes, content, created_at) VALUES (?, ?, ?, ?)",
					statement -> {
						statement.setString(1, key);
						statement.setLong(2, size);
						statement.setBinaryStream(3, content, size);
						statement.setTimestamp(4, Timestamp.from(this.clock.instant()));
					});
		}
		catch (DuplicateKeyException ex) {
			throw new java.nio.file.FileAlreadyExistsException(key);
		}
		catch (DataAccessException ex) {
			throw new IOException("Could not write a file to the database store", ex);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		FileStoreKeys.require(key);
		// A failing database is its DataAccessException (503 where the platform maps it), not "not found".
		byte[] content = this.jdbc.query("SELECT content FROM stored_file_contents WHERE storage_key = ?",
				rows -> rows.next() ? rows.getBytes(1) : null, key);
		if (content == null) {
			throw new FileNotFoundException(key);
		}
		return new ByteArrayInputStream(content);
	}

	@Override
	public void delete(String key) throws IOException {
		FileStoreKeys.require(key);
		try {
			this.ownTransaction.executeWithoutResult(
					status -> this.jdbc.update("DELETE FROM stored_file_contents WHERE storage_key = ?", key));
		}
		catch (DataAccessException ex) {
			throw new IOException("Could not delete a file from the database store", ex);
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		FileStoreKeys.require(key);
		try {
			Integer found = this.jdbc.query("SELECT 1 FROM stored_file_contents WHERE storage_key = ?",
					rows -> rows.next() ? 1 : null, key);
			return found != null;
		}
		catch (DataAccessException ex) {
			throw new IOException("Could not reach the database store", ex);
		}
	}

	@Override
	public String toString() {
		return "the database";
	}

}
