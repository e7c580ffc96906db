package org.mentorhub.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the background jobs ({@code mentorhub.platform.jobs.*}, documented in application.yml).
 * @param poolSize threads per instance that run jobs
 * @param queueCapacity jobs that may wait for a thread per instance; more stay QUEUED in the table and
 * are picked up by the recovery sweep
 * @param heartbeatInterval how often a running job's heartbeat is refreshed
 * @param staleAfter a RUNNING job whose heartbeat is older than this belongs to a dead instance
 * @param recoveryInterval how often (once per cluster, ShedLock) dead instances' jobs are recovered
 * @param maxAttempts a resumable job is failed instead of resumed once it started this often
 * @param instanceId the name of this instance; blank: the host name (stable across restarts, so that
 * at start-up the jobs of this instance's previous life are recovered at once)
 */
@ConfigurationProperties("mentorhub.platform.jobs")
public record JobsProperties(@DefaultValue("2") int poolSize, @DefaultValue("100") int queueCapacity,
		@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("2m") Duration staleAfter,
		@DefaultValue("30s") Duration recoveryInterval, @DefaultValue("3") int maxAttempts,
		@DefaultValue("") String instanceId) {
}
