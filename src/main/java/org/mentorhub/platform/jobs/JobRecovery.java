package org.mentorhub.platform.jobs;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds jobs left RUNNING by an instance that died: at start-up the ones of this instance's previous
 * life (same {@link JobsProperties#instanceId()}), and every {@code recovery-interval}, once per
 * cluster, any whose heartbeat is older than {@code stale-after}. A job whose handler can resume is
 * QUEUED again (up to {@code max-attempts} starts); any other is FAILED with the reason
 * "interrupted by a restart", which its module records and its user may retry.
 */
@Component
class JobRecovery {

	static final String INTERRUPTED = "Interrupted by a restart of the server. Retry it to finish the work.";

	static final String INTERRUPTED_TOO_OFTEN = "Interrupted by a restart of the server too often. Retry it to "
			+ "finish the work.";

	private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

	private final JobTable table;

	private final JobRunner runner;

	private final Handlers handlers;

	private final JobsProperties properties;

	private final Clock clock;

	JobRecovery(JobTable table, JobRunner runner, Handlers handlers, JobsProperties properties, Clock clock) {
		this.table = table;
		this.runner = runner;
		this.handlers = handlers;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		recover(true);
	}

	@Scheduled(fixedDelayString = "${mentorhub.platform.jobs.recovery-interval:PT30S}",
			initialDelayString = "${mentorhub.platform.jobs.recovery-interval:PT30S}")
	@SchedulerLock(name = "platform-jobs-recovery", lockAtMostFor = "PT5M")
	void onSchedule() {
		recover(false);
	}

	int recover(boolean startUp) {
		Instant now = this.clock.instant();
		Instant staleBefore = now.minus(this.properties.staleAfter());
		int recovered = 0;
		for (JobTable.Row row : this.table.interrupted(staleBefore, startUp ? this.runner.instance() : null,
				this.runner.running())) {
			Job job = row.job();
			boolean resume = this.handlers.of(job.kind())
				.map(handler -> handler.afterRestart() == JobHandler.AfterRestart.RESUME)
				.orElse(false);
			if (resume && job.attempts() < this.properties.maxAttempts()) {
				if (this.table.requeue(job.id(), job.attempts())) {
					log.info("Resuming job {} ({} {}) interrupted on {}", job.id(), job.kind(), job.subjectId(),
							row.owner());
					this.runner.dispatch(job.id());
					recovered++;
				}
			}
			else if (this.runner.failUnless(job, job.attempts(), resume ? INTERRUPTED_TOO_OFTEN : INTERRUPTED)) {
				log.info("Job {} ({} {}) interrupted on {} is failed", job.id(), job.kind(), job.subjectId(), row.owner());
				recovered++;
			}
		}
		for (Long id : this.table.waiting(staleBefore)) {
			this.runner.dispatch(id);
			recovered++;
		}
		return recovered;
	}

}
