package org.mentorhub.platform;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.mentorhub.TestDatabase;
import org.mentorhub.platform.jobs.JobFailedException;
import org.mentorhub.platform.jobs.JobHandler;
import org.mentorhub.platform.jobs.JobProgress;
import org.mentorhub.platform.jobs.Jobs;
import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23 part 7: Prometheus metrics (requests, the pool, jobs, events, mails, rate-limit refusals) on the
 * management port only, the liveness and readiness groups, and a request id that goes in with the request
 * (or is made), comes back in the response and is a field of the JSON log lines written for it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles(resolver = TestDatabase.class)
class ObservabilityIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Jobs jobs;

	@Autowired
	Mailer mailer;

	@Autowired
	RateLimiter rateLimiter;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void prometheusOnTheManagementPortShowsRequestsPoolJobsEventsMailsAndRefusals() throws Exception {
		assertThat(get(this.port, "/login", Map.of()).statusCode()).isEqualTo(200);
		MDC.put("requestId", "job-starter-1");
		try {
			this.jobs.submit(ProbeJobs.KIND, 1);
			this.jobs.submit(ProbeJobs.KIND, 2);
		}
		finally {
			MDC.remove("requestId");
		}
		this.mailer.send("someone@example.org", "Probe", "password-changed", Map.of("name", "Probe", "how", "changed"));
		String caller = "test:" + UUID.randomUUID();
		this.rateLimiter.tryAcquire("observability-probe:7", caller, 1, Duration.ofHours(1));
		assertThat(this.rateLimiter.tryAcquire("observability-probe:7", caller, 1, Duration.ofHours(1)).allowed())
			.isFalse();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus", Map.of());
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("http_server_requests_seconds_count{")
				.contains("hikaricp_connections_active{")
				.contains("mentorhub_jobs_seconds_count{kind=\"observability-probe\",outcome=\"succeeded\"}")
				.contains("mentorhub_jobs_seconds_count{kind=\"observability-probe\",outcome=\"failed\"}")
				.contains("mentorhub_jobs_failures_total{kind=\"observability-probe\"}")
				.contains("mentorhub_jobs_running ")
				.contains("mentorhub_events_incomplete ")
				.contains("mentorhub_events_incomplete_oldest_seconds ")
				.containsPattern("mentorhub_mails_total\\{outcome=\"sent\",transport=\"outbox\"\\} [1-9]")
				.containsPattern("mentorhub_rate_limit_refusals_total\\{limit=\"observability-probe\"\\} [1-9]");
		});
		assertThat(ProbeJobs.requestIds).as("the job ran with the request id of the thread that submitted it")
			.containsOnly("job-starter-1");
	}

	/** Jobs of one kind: subject 1 succeeds, any other fails; each records the request id it ran with. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ProbeJobs {

		static final String KIND = "observability-probe";

		static final List<String> requestIds = new CopyOnWriteArrayList<>();

		@Bean
		JobHandler observabilityProbeJobs() {
			return new JobHandler() {

				@Override
				public String kind() {
					return KIND;
				}

				@Override
				public void run(JobProgress progress) {
					requestIds.add(String.valueOf(MDC.get("requestId")));
					if (progress.job().subjectId() != 1) {
						throw new JobFailedException("The probe fails on purpose.");
					}
				}

				@Override
				public void retry(long subjectId) {
				}

			};
		}

	}

	@Test
	void metricsAreNotOnThePublicPort() throws Exception {
		HttpResponse<String> response = get(this.port, "/actuator/prometheus", Map.of());

		assertThat(response.statusCode()).isIn(401, 403, 404);
		assertThat(response.body()).doesNotContain("jvm_").doesNotContain("hikaricp");
		assertThat(get(this.port, "/actuator/info", Map.of()).statusCode()).isIn(401, 404);
	}

	@Test
	void livenessAndReadinessGroupsAnswerOnBothPorts() throws Exception {
		for (String path : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> management = get(this.managementPort, path, Map.of());
			assertThat(management.statusCode()).as(path).isEqualTo(200);
			assertThat(management.body()).contains("\"status\":\"UP\"");
			assertThat(get(this.port, path, Map.of()).body()).as(path + " on the public port").contains("\"status\":\"UP\"");
		}
		assertThat(get(this.port, "/readyz", Map.of()).statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/livez", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void aWellFormedRequestIdIsKeptAndAnythingElseReplaced() throws Exception {
		HttpResponse<String> kept = get(this.port, "/login", Map.of("X-Request-Id", "proxy-4f2a.77:b_c"));
		HttpResponse<String> replaced = get(this.port, "/login", Map.of("X-Request-Id", "<script>" + "x".repeat(80)));
		HttpResponse<String> made = get(this.port, "/login", Map.of());

		assertThat(kept.headers().firstValue("X-Request-Id")).contains("proxy-4f2a.77:b_c");
		assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
		assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
	}

	@Test
	void aJsonLogLineOfARequestCarriesItsRequestId() throws Exception {
		// The console encoder that logging.structured.format.console=ecs installs (the production profile),
		// attached beside the suite's plain console for the length of this test.
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		OutputStreamAppender<ILoggingEvent> json = new OutputStreamAppender<>();
		json.setContext(context);
		json.setEncoder(encoder);
		json.setOutputStream(captured);
		json.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(json);
		try {
			// A control character in the query: InputHygieneFilter refuses it (400) and logs the refusal.
			HttpResponse<String> refused = get(this.port, "/login?q=%01", Map.of("X-Request-Id", "trace-json-42"));
			assertThat(refused.statusCode()).isEqualTo(400);
		}
		finally {
			root.detachAppender(json);
			json.stop();
		}

		String line = captured.toString(StandardCharsets.UTF_8).lines()
			.filter(l -> l.contains("Refused GET /login"))
			.findFirst()
			.orElseThrow();
		assertThat(line).startsWith("{").endsWith("}").contains("\"requestId\":\"trace-json-42\"");
	}

	private HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "*/*");
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
