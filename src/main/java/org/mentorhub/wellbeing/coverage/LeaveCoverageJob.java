package org.mentorhub.wellbeing.coverage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the leaves whose start date has come and ends those whose expected end date has passed, once
 * per cluster (ShedLock) every {@code mentorhub.wellbeing.coverage.interval} (15 minutes by default).
 * Idempotent: each request is claimed by a conditional update in a transaction of its own, so a second
 * or overlapping run finds nothing left to do, and one failing request does not stop the others.
 */
@Component
class LeaveCoverageJob {

	private static final Logger log = LoggerFactory.getLogger(LeaveCoverageJob.class);

	private final LeaveCoverage coverage;

	private final TransactionTemplate each;

	LeaveCoverageJob(LeaveCoverage coverage, PlatformTransactionManager transactions) {
		this.coverage = coverage;
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.wellbeing.coverage.interval:PT15M}",
			initialDelayString = "${mentorhub.wellbeing.coverage.initial-delay:PT4M}")
	@SchedulerLock(name = "leave-coverage", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void run() {
		int[] done = runOnce();
		if (done[0] + done[1] > 0) {
			log.info("Leave coverage: {} leaves started, {} ended", done[0], done[1]);
		}
	}

	/** One pass: how many leaves it started and ended. */
	int[] runOnce() {
		int started = 0;
		int ended = 0;
		for (long id : this.coverage.dueToStart()) {
			try {
				if (Boolean.TRUE.equals(this.each.execute(s -> this.coverage.start(id)))) {
					started++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Leave coverage {} could not start: {}", id, ex.getClass().getSimpleName());
			}
		}
		for (long id : this.coverage.dueToEnd()) {
			try {
				if (Boolean.TRUE.equals(this.each.execute(s -> this.coverage.endAsExpected(id)))) {
					ended++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Leave coverage {} could not end: {}", id, ex.getClass().getSimpleName());
			}
		}
		return new int[] { started, ended };
	}

}
