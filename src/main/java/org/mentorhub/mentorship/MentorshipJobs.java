package org.mentorhub.mentorship;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The mentorship life cycle's scheduled job: expiring requests a mentor left unanswered past the
 * institution's time limit, and asking the mentee's next choice. It runs once per cluster: ShedLock
 * holds a lock in the shared {@code shedlock} table (QUALITY R5), and the work is idempotent (an
 * expired request is no longer REQUESTED).
 */
@Component
class MentorshipJobs {

	private static final Logger log = LoggerFactory.getLogger(MentorshipJobs.class);

	private final Mentorships mentorships;

	MentorshipJobs(Mentorships mentorships) {
		this.mentorships = mentorships;
	}

	@Scheduled(fixedDelayString = "${mentorhub.mentorship.expiry-interval:PT10M}",
			initialDelayString = "${mentorhub.mentorship.expiry-initial-delay:PT2M}")
	@SchedulerLock(name = "mentorship-request-expiry", lockAtMostFor = "PT9M", lockAtLeastFor = "PT30S")
	void expireOverdueRequests() {
		int expired = this.mentorships.expireOverdueRequests();
		if (expired > 0) {
			log.info("Expired {} unanswered mentorship requests", expired);
		}
	}

}
