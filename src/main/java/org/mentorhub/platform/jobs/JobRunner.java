package org.mentorhub.platform.jobs;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs on the one bounded thread pool of this instance. A job is taken (QUEUED → RUNNING) by the
 * thread that runs it, with the submitter's security context (the captured one, or after a restart
 * one rebuilt by {@link JobRunAs}) and locale; its heartbeat is refreshed while it runs. When the
 * queue is full the job stays QUEUED and the recovery sweep offers it again later. Its log lines carry
 * {@code jobId} and, when it was started by a request on this instance, that request's {@code requestId}.
 * Each run is timed ({@code mentorhub.jobs}, by kind and outcome) and each failure counted
 * ({@code mentorhub.jobs.failures}); {@code mentorhub.jobs.running} is the number running here.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	/** The MDC key of the request id (platform.web's request id filter). */
	private static final String REQUEST_ID = "requestId";

	private static final String JOB_ID = "jobId";

	private final JobTable table;

	private final Handlers handlers;

	private final ObjectProvider<JobRunAs> runAs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String instance;

	private final ThreadPoolTaskExecutor executor;

	/** The security contexts of jobs submitted here and not yet started. */
	private final Map<Long, SecurityContext> contexts = new ConcurrentHashMap<>();

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final MeterRegistry meters;

	JobRunner(JobTable table, Handlers handlers, ObjectProvider<JobRunAs> runAs, JobsProperties properties,
			PlatformTransactionManager transactionManager, Clock clock, ObjectProvider<MeterRegistry> meters) {
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		this.meters.gauge("mentorhub.jobs.running", this.running, Set::size);
		this.table = table;
		this.handlers = handlers;
		this.runAs = runAs;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.instance = instanceName(properties);
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(Math.max(1, properties.poolSize()));
		this.executor.setMaxPoolSize(Math.max(1, properties.poolSize()));
		this.executor.setQueueCapacity(Math.max(0, properties.queueCapacity()));
		this.executor.setThreadNamePrefix("job-");
		this.executor.setWaitForTasksToCompleteOnShutdown(false);
		this.executor.initialize();
	}

	static String instanceName(JobsProperties properties) {
		if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
			return properties.instanceId();
		}
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (java.io.IOException ex) {
				host = "localhost";
			}
		}
		return host;
	}

	String instance() {
		return this.instance;
	}

	Set<Long> running() {
		return Set.copyOf(this.running);
	}

	/** Keeps the submitter's security context for the thread that will run the job. */
	void remember(long jobId, SecurityContext context) {
		if (context != null && context.getAuthentication() != null) {
			this.contexts.put(jobId, context);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(JobSubmitted submitted) {
		// After the submitter's commit, on its thread: the request id, if any, is still in the MDC.
		dispatch(submitted.jobId(), MDC.get(REQUEST_ID));
	}

	/** A submit whose transaction rolled back left no job: forget its security context. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
	void onRollback(JobSubmitted submitted) {
		this.contexts.remove(submitted.jobId());
	}

	/** Offers the job to the pool; a full pool leaves it QUEUED for the recovery sweep. */
	void dispatch(long jobId) {
		dispatch(jobId, null);
	}

	private void dispatch(long jobId, String requestId) {
		try {
			this.executor.execute(() -> {
				MDC.put(JOB_ID, Long.toString(jobId));
				if (requestId != null) {
					MDC.put(REQUEST_ID, requestId);
				}
				try {
					execute(jobId);
				}
				finally {
					MDC.remove(JOB_ID);
					MDC.remove(REQUEST_ID);
				}
			});
		}
		catch (TaskRejectedException ex) {
			log.warn("Job {} waits: every job thread and queue place is taken", jobId);
		}
	}

	void execute(long jobId) {
		if (!this.table.claim(jobId, this.instance, this.clock.instant())) {
			this.contexts.remove(jobId);
			return;
		}
		JobTable.Row row = this.table.find(jobId).orElseThrow();
		Job job = row.job();
		SecurityContext captured = this.contexts.remove(jobId);
		this.running.add(jobId);
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "failed";
		try {
			Optional<JobHandler> handler = this.handlers.of(job.kind());
			if (handler.isEmpty()) {
				fail(job, "No handler for jobs of kind " + job.kind() + ".");
				return;
			}
			SecurityContext context = captured != null ? captured : rebuilt(job);
			if (context == null) {
				fail(job, "The person who started this work can no longer sign in.");
				return;
			}
			SecurityContextHolder.setContext(context);
			LocaleContextHolder.setLocale(row.locale() == null ? null : Locale.forLanguageTag(row.locale()));
			handler.get().run(new Progress(job));
			this.table.succeed(jobId, this.clock.instant());
			outcome = "succeeded";
		}
		catch (RuntimeException | Error ex) {
			String reason = ex instanceof JobFailedException ? ex.getMessage()
					: "The work stopped on an unexpected error.";
			if (!(ex instanceof JobFailedException)) {
				log.error("Job {} ({} {}) failed", jobId, job.kind(), job.subjectId(), ex);
			}
			fail(job, reason);
		}
		finally {
			sample.stop(Timer.builder("mentorhub.jobs")
				.description("Runs of background jobs (platform.jobs), by kind and outcome")
				.tags("kind", job.kind(), "outcome", outcome)
				.register(this.meters));
			if (!"succeeded".equals(outcome)) {
				Counter.builder("mentorhub.jobs.failures")
					.description("Background jobs that ended FAILED, by kind")
					.tag("kind", job.kind())
					.register(this.meters)
					.increment();
			}
			this.running.remove(jobId);
			SecurityContextHolder.clearContext();
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private SecurityContext rebuilt(Job job) {
		if (job.submittedBy() == null) {
			return SecurityContextHolder.createEmptyContext();
		}
		JobRunAs source = this.runAs.getIfAvailable();
		return source == null ? null
				: source.authenticationOf(job.submittedBy()).map(SecurityContextImpl::new).orElse(null);
	}

	/** Marks the job FAILED and lets its handler record that on the module's own record. */
	void fail(Job job, String reason) {
		failUnless(job, null, reason);
	}

	/** As {@link #fail}, unless another thread started the job since it was seen with {@code attempts}. */
	boolean failUnless(Job job, Integer attempts, String reason) {
		SecurityContext previous = SecurityContextHolder.getContext();
		try {
			SecurityContextHolder.clearContext();
			return Boolean.TRUE.equals(this.transactions.execute(status -> {
				if (!this.table.fail(job.id(), attempts, reason, this.clock.instant())) {
					return false;
				}
				this.handlers.of(job.kind()).ifPresent(handler -> handler.failed(job, reason));
				return true;
			}));
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	@Scheduled(fixedDelayString = "${mentorhub.platform.jobs.heartbeat-interval:PT10S}",
			initialDelayString = "${mentorhub.platform.jobs.heartbeat-interval:PT10S}")
	void beat() {
		this.table.beat(running(), this.instance, this.clock.instant());
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

	private final class Progress implements JobProgress {

		private final Job job;

		Progress(Job job) {
			this.job = job;
		}

		@Override
		public Job job() {
			return this.job;
		}

		@Override
		public void progress(int done, int total) {
			JobRunner.this.table.progress(this.job.id(), done, total, JobRunner.this.clock.instant());
		}

	}

}
