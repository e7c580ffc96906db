package org.mentorhub.platform.jobs;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to run long work in the background. {@link #submit} records a job in the caller's
 * transaction; once that commits, a thread of the bounded pool runs the kind's {@link JobHandler} as
 * the caller, in the caller's locale. Progress and the failure reason are kept on the job. A job
 * whose instance died is resumed or failed by {@link #recoverInterrupted()} (at start-up, and on a
 * schedule once per cluster); a FAILED job may be retried by the person who submitted it.
 */
@Service
public class Jobs {

	private final JobTable table;

	private final JobRunner runner;

	private final JobRecovery recovery;

	private final Handlers handlers;

	private final Tenancy tenancy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Jobs(JobTable table, JobRunner runner, JobRecovery recovery, Handlers handlers, Tenancy tenancy,
			ApplicationEventPublisher events, Clock clock) {
		this.table = table;
		this.runner = runner;
		this.recovery = recovery;
		this.handlers = handlers;
		this.tenancy = tenancy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a job of the kind for the subject (an import, a draft) as QUEUED, in the caller's
	 * transaction, and starts it once the transaction commits (at once without one). Returns its id.
	 */
	@Transactional
	public long submit(String kind, long subjectId) {
		if (this.handlers.of(kind).isEmpty()) {
			throw new IllegalArgumentException("No job handler for " + kind);
		}
		Long submittedBy = this.tenancy.currentActor().map(actor -> actor.id()).orElse(null);
		long id = this.table.insert(kind, subjectId, submittedBy, LocaleContextHolder.getLocale().toLanguageTag(),
				this.clock.instant());
		this.runner.remember(id, SecurityContextHolder.getContext());
		this.events.publishEvent(new JobSubmitted(id));
		return id;
	}

	/** The latest job of the kind for the subject, if there is one (the module checks who may see it). */
	@Transactional(readOnly = true)
	public Optional<Job> latest(String kind, long subjectId) {
		return this.table.latest(kind, subjectId);
	}

	/**
	 * The latest job of the kind for each of several subjects, in one query (a list page's batch lookup):
	 * subject → job, for the subjects that have one (the module checks who may see them).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Job> latest(String kind, java.util.Collection<Long> subjectIds) {
		return this.table.latest(kind, subjectIds);
	}

	/** One of the caller's own jobs; anyone else's is "not found". */
	@Transactional(readOnly = true)
	public Job get(long id) {
		Long me = this.tenancy.actor().id();
		return this.table.find(id)
			.map(JobTable.Row::job)
			.filter(job -> Objects.equals(job.submittedBy(), me))
			.orElseThrow(() -> new NotFoundException("Job not found"));
	}

	/**
	 * Retries one of the caller's FAILED jobs through its module (409 for a job that did not fail;
	 * "not found" for anyone else's). Returns the job that now runs.
	 */
	@Transactional
	public Job retry(long id) {
		Job job = get(id);
		if (job.state() != JobState.FAILED) {
			throw new StateTransitionException("Only a failed job can be retried; this one is "
					+ job.state().name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		this.handlers.of(job.kind())
			.orElseThrow(() -> new StateTransitionException("This kind of work can no longer be retried."))
			.retry(job.subjectId());
		return this.table.latest(job.kind(), job.subjectId()).orElse(job);
	}

	/**
	 * Resumes or fails the jobs whose instance died while they ran (a stale heartbeat), and offers
	 * jobs that waited too long to a thread again. Returns how many jobs it recovered.
	 */
	public int recoverInterrupted() {
		return this.recovery.recover(false);
	}

}
