package org.mentorhub.attachment;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the file store in step with the {@code attachments} rows, which the store cannot do itself
 * because it is not transactional: bytes whose row was deleted go once the deletion commits, and
 * bytes written for a row that was never committed go once the transaction rolls back. Both travel
 * as module-internal events to transaction-bound listeners that run in the caller's thread right
 * after the outcome is known, instead of hand-written transaction synchronizations. The after-commit
 * one is kept in the event publication registry (so a crash before the bytes are gone leaves an
 * incomplete publication that is resubmitted); the after-rollback one cannot be (its publication
 * would roll back with the transaction), and a crash there leaves an orphan file, as before.
 */
@Component
class StoredFileCleanup {

	private static final Logger log = LoggerFactory.getLogger(StoredFileCleanup.class);

	private final FileStore store;

	StoredFileCleanup(FileStore store) {
		this.store = store;
	}

	/** An attachment's row was deleted: its bytes go once that commits. */
	record StoredFileReleased(String key) {
	}

	/** Bytes were written for a new row: they go if the transaction rolls back. */
	record StoredFileWritten(String key) {
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(StoredFileReleased released) {
		deleteQuietly(released.key());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
	void on(StoredFileWritten written) {
		deleteQuietly(written.key());
	}

	void deleteQuietly(String key) {
		try {
			this.store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete a stored file", ex);
		}
	}

}
