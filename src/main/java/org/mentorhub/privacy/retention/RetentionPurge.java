package org.mentorhub.privacy.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.platform.privacy.RetentionRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one purge job (issue 22 part 5): once per cluster (ShedLock), every rule that the job enforces and
 * whose period is not "for ever" deletes what is older than its cut-off, through the owning module's own
 * purge. Idempotent: a second run finds nothing new. What each rule removed is kept on its settings row
 * (shown on /admin/privacy/retention) and logged; counts only, never content.
 */
@Component
class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final RetentionSettings settings;

	private final Clock clock;

	RetentionPurge(RetentionSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mentorhub.privacy.retention.interval:PT1H}",
			initialDelayString = "${mentorhub.privacy.retention.initial-delay:PT5M}")
	@SchedulerLock(name = "privacy-retention-purge", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
	void run() {
		Map<String, Integer> removed = purge();
		if (removed.values().stream().anyMatch(rows -> rows > 0)) {
			log.info("Retention purge removed {}", removed);
		}
	}

	/** Runs every enforced rule with a period; returns the rows removed per rule. */
	Map<String, Integer> purge() {
		Map<String, Integer> removed = new LinkedHashMap<>();
		Instant now = this.clock.instant();
		for (RetentionRule rule : this.settings.rules()) {
			Integer days = this.settings.daysInForce(rule.key(), rule.defaultDays());
			if (!rule.enforced() || days == null) {
				continue;
			}
			LocalDateTime cutoff = LocalDateTime.ofInstant(now.minus(days, ChronoUnit.DAYS), ZoneOffset.UTC);
			try {
				int rows = rule.purge().purge(cutoff);
				removed.put(rule.key(), rows);
				this.settings.purged(rule.key(), rows, now);
			}
			catch (RuntimeException ex) {
				// One failing rule must not keep the others from running; the next run tries again.
				log.warn("Retention rule {} failed: {}", rule.key(), ex.toString());
			}
		}
		return removed;
	}

}
