package org.mentorhub.mentorship;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
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

	/** Scheduling and the cluster-wide job lock (ShedLock on the {@code shedlock} table of V3). */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
	static class SchedulingConfiguration {

		@Bean
		@ConditionalOnMissingBean(LockProvider.class)
		LockProvider lockProvider(DataSource dataSource) {
			return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.withTableName("shedlock")
				.usingDbTime()
				.build());
		}

	}

}
