package org.mentorhub.platform.imports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.jobs.Job;
import org.mentorhub.platform.jobs.JobHandler;
import org.mentorhub.platform.jobs.JobProgress;
import org.mentorhub.platform.jobs.JobState;
import org.mentorhub.platform.jobs.Jobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The part of an import that is the same in every module: commit, retry and discard of a preview,
 * and the background commit as a {@link JobHandler} of {@link Jobs}. The commit applies the pending
 * rows one per transaction, so that the progress counter moves and a row that fails its checks now
 * does not stop the others; it skips rows already applied, so it is resumed after a restart and may
 * be retried after a failure. A module extends it with its row rules and its tables (each module
 * keeps its own), and calls it from its service after its own checks of who may.
 * <p>
 * Audit actions are {@code <prefix>_COMMIT_STARTED}, {@code _COMMITTED}, {@code _FAILED},
 * {@code _RETRIED} and {@code _DISCARDED} on the module's import table.
 *
 * @param <I> the module's import entity
 */
public abstract class ImportPipeline<I extends ImportRecord> implements JobHandler {

	/**
	 * What names a module's import.
	 * @param kind the job kind, e.g. {@code identity.user-import}
	 * @param auditPrefix the prefix of the audit actions, e.g. {@code USER_IMPORT}
	 * @param doneRowsName the name of the done counter in audit records, e.g. {@code createdRows}
	 */
	public record Names(String kind, String auditPrefix, String doneRowsName) {
	}

	private final Names names;

	private final JpaRepository<I, Long> imports;

	private final PendingImportRows rows;

	private final ObjectProvider<? extends ImportService<I, ?, ?>> service;

	private final Jobs jobs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * @param imports the module's import repository
	 * @param rows the module's row repository
	 * @param service the module's service, whose own guarded {@code retry} a retried job calls
	 */
	protected ImportPipeline(Names names, JpaRepository<I, Long> imports, PendingImportRows rows,
			ObjectProvider<? extends ImportService<I, ?, ?>> service, Jobs jobs,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.names = names;
		this.imports = imports;
		this.rows = rows;
		this.service = service;
		this.jobs = jobs;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	// ---------------------------------------------------------------- what a module supplies

	/**
	 * Checks one pending row again and applies it, in the current transaction, and counts it as
	 * processed (and done, if it changed something). Does nothing for a row that is no longer pending.
	 */
	protected abstract void applyRow(I upload, long rowId);

	/**
	 * Records the outcome of a row whose transaction failed with {@code failure}, in a new transaction,
	 * and counts it as processed; false when the failure is unexpected (it then fails the import).
	 */
	protected abstract boolean settleRow(I upload, long rowId, RuntimeException failure);

	/** Records an audit entry of the module on its import table. */
	protected abstract void audit(String action, long importId, Map<String, Object> before,
			Map<String, Object> after);

	@Override
	public final String kind() {
		return this.names.kind();
	}

	/** A retry of a failed job: the module's service retries the import, with its own checks. */
	@Override
	public final void retry(long importId) {
		this.service.getObject().retry(importId);
	}

	private String auditPrefix() {
		return this.names.auditPrefix();
	}

	/** The import, if it exists (no checks of who may: the module did them). */
	private Optional<I> load(long importId) {
		return this.imports.findById(importId);
	}

	private I save(I upload) {
		return this.imports.saveAndFlush(upload);
	}

	// ---------------------------------------------------------------- the service's side

	/** Starts applying the pending rows in the background (409 unless the import is a preview). */
	public I commit(I upload) {
		upload.startCommitting();
		I saved = save(upload);
		audit(auditPrefix() + "_COMMIT_STARTED", saved.getId(), Map.of("status", ImportStatus.PREVIEW.name()),
				Map.of("status", ImportStatus.COMMITTING.name(), "validRows", saved.getValidRows()));
		this.jobs.submit(kind(), saved.getId());
		return saved;
	}

	/** Starts a failed commit again, for the rows not yet applied (409 unless the import failed). */
	public I retryCommit(I upload) {
		upload.retry();
		I saved = save(upload);
		audit(auditPrefix() + "_RETRIED", saved.getId(), Map.of("status", ImportStatus.FAILED.name()),
				Map.of("status", ImportStatus.COMMITTING.name(), "processedRows", saved.getProcessedRows()));
		this.jobs.submit(kind(), saved.getId());
		return saved;
	}

	/** Applies nothing from the file (409 unless the import is a preview). */
	public I discard(I upload) {
		upload.discard(this.clock.instant());
		I saved = save(upload);
		int skipped = this.rows.skipPendingRows(saved.getId());
		audit(auditPrefix() + "_DISCARDED", saved.getId(), Map.of("status", ImportStatus.PREVIEW.name()),
				Map.of("status", ImportStatus.DISCARDED.name(), "skippedRows", skipped));
		return saved;
	}

	/** Why a FAILED import stopped, for its page and API. */
	public Optional<String> failureReason(I upload) {
		if (upload.getStatus() != ImportStatus.FAILED) {
			return Optional.empty();
		}
		return this.jobs.latest(kind(), upload.getId())
			.filter(job -> job.state() == JobState.FAILED)
			.map(Job::failureReason);
	}

	// ---------------------------------------------------------------- the background commit

	/** A commit skips rows already applied, so the one a restart interrupted is resumed. */
	@Override
	public AfterRestart afterRestart() {
		return AfterRestart.RESUME;
	}

	@Override
	public void run(JobProgress progress) {
		long importId = progress.job().subjectId();
		I upload = this.transactions.execute(status -> load(importId).orElseThrow());
		if (upload.getStatus() != ImportStatus.COMMITTING) {
			return;
		}
		List<Long> pending = this.transactions.execute(status -> this.rows.pendingRowIds(importId));
		int done = upload.getProcessedRows();
		int total = Math.max(upload.getValidRows(), done + pending.size());
		progress.progress(done, total);
		for (Long rowId : pending) {
			try {
				this.transactions.executeWithoutResult(status -> applyRow(upload, rowId));
			}
			catch (RuntimeException ex) {
				if (!Boolean.TRUE.equals(this.transactions.execute(status -> settleRow(upload, rowId, ex)))) {
					throw ex;
				}
			}
			progress.progress(++done, total);
		}
		this.transactions.executeWithoutResult(status -> {
			I finished = load(importId).orElseThrow();
			finished.finish(this.clock.instant());
			save(finished);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", ImportStatus.COMMITTED.name());
			after.put("processedRows", finished.getProcessedRows());
			after.put(this.names.doneRowsName(), finished.getDoneRows());
			audit(auditPrefix() + "_COMMITTED", importId, Map.of("status", ImportStatus.COMMITTING.name()), after);
		});
	}

	/** The commit stopped (an unexpected error, or a restart): the import is FAILED, and may be retried. */
	@Override
	public void failed(Job job, String reason) {
		load(job.subjectId()).filter(upload -> upload.getStatus() == ImportStatus.COMMITTING).ifPresent(upload -> {
			upload.fail(this.clock.instant());
			save(upload);
			audit(auditPrefix() + "_FAILED", upload.getId(), Map.of("status", ImportStatus.COMMITTING.name()),
					Map.of("status", ImportStatus.FAILED.name(), "reason", reason));
		});
	}

}
