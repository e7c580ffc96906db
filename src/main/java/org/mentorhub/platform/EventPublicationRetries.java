package org.mentorhub.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries side effects: resubmits the event publications of the JDBC registry whose listener failed
 * (an SMTP server down) or was cut off (a crash, a redeploy), once shortly after start-up and then
 * every {@code mentorhub.platform.events.resubmit-interval}, once per cluster (ShedLock, like every
 * scheduled job). Spring Modulith's own {@code republish-outstanding-events-on-restart} is off: it
 * would run on every instance at each start, and resubmit events that another live instance is
 * handling at that moment. Listeners must therefore tolerate a second delivery (at least once): the
 * calendar checks its invitation log, and a mail may in rare cases arrive twice rather than never.
 */
@Component
@EnableConfigurationProperties(EventRetryProperties.class)
public class EventPublicationRetries {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationRetries.class);

	private final IncompleteEventPublications incomplete;

	private final EventRetryProperties properties;

	EventPublicationRetries(IncompleteEventPublications incomplete, EventRetryProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${mentorhub.platform.events.resubmit-interval:PT5M}",
			initialDelayString = "${mentorhub.platform.events.resubmit-initial-delay:PT30S}")
	@SchedulerLock(name = "platform-event-resubmission", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void run() {
		resubmit();
	}

	/**
	 * Resubmits every incomplete publication at least {@code resubmit-older-than} old to its listener
	 * (asynchronously, as after a commit). The scheduled run calls it under the cluster-wide lock.
	 */
	public void resubmit() {
		log.debug("Resubmitting incomplete event publications older than {}", this.properties.resubmitOlderThan());
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
	}

}
