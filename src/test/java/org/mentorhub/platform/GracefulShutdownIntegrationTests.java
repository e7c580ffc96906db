package org.mentorhub.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubApplication;
import org.mentorhub.OtherInstance;
import org.mentorhub.TestDatabase;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QUALITY R2, issue 23 part 4: stopping an instance (SIGTERM closes the context through the JVM's shutdown
 * hook) first tells the load balancer (readiness REFUSING_TRAFFIC, so {@code /readyz} fails), then lets the
 * requests in flight finish (server.shutdown=graceful) before anything else stops: a request that is being
 * served when the context starts closing completes with 200.
 */
class GracefulShutdownIntegrationTests {

	@Test
	void aRequestInFlightWhenTheContextClosesCompletes() throws Exception {
		ConfigurableApplicationContext instance = start();
		int port = OtherInstance.port(instance);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SlowRequests.PATH))
					.timeout(Duration.ofSeconds(60))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(SlowRequests.entered.await(30, TimeUnit.SECONDS)).as("the slow request reached the server").isTrue();

		Thread closer = new Thread(instance::close, "closer");
		closer.start();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(SlowRequests.readiness).contains(ReadinessState.REFUSING_TRAFFIC));
		assertThat(closer.isAlive()).as("the shutdown waits for the request in flight").isTrue();
		SlowRequests.release.countDown();

		HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("drained");
		closer.join(30_000);
		assertThat(instance.isActive()).isFalse();
	}

	/**
	 * With {@code mentorhub.platform.shutdown.drain-delay}, a closing instance goes on serving new requests
	 * (on new connections too) while its readiness check already fails, so that a load balancer takes it out
	 * before the web server stops taking requests.
	 */
	@Test
	void duringTheDrainDelayReadinessFailsWhileRequestsAreStillServed() throws Exception {
		ConfigurableApplicationContext instance = start("--mentorhub.platform.shutdown.drain-delay=10s");
		int port = OtherInstance.port(instance);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		assertThat(get(http, port, "/readyz")).isEqualTo(200);

		Thread closer = new Thread(instance::close, "closer");
		closer.start();
		try {
			await().atMost(Duration.ofSeconds(15)).until(() -> get(http, port, "/readyz") == 503);
			assertThat(get(http, port, "/livez")).as("a request during the drain delay").isEqualTo(200);
			assertThat(get(HttpClient.newHttpClient(), port, "/livez")).as("on a new connection").isEqualTo(200);
			assertThat(closer.isAlive()).as("the instance is still in its drain delay").isTrue();
		}
		finally {
			closer.join(60_000);
		}
		assertThat(instance.isActive()).isFalse();
	}

	private static int get(HttpClient http, int port, String path) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0", "--mentorhub.demo.enabled=false",
				"--spring.lifecycle.timeout-per-shutdown-phase=20s"));
		arguments.addAll(List.of(more));
		if ("h2".equals(TestDatabase.current())) {
			// A database of its own: closing this instance must not touch the suite's in-memory database.
			arguments.add("--spring.datasource.url=jdbc:h2:mem:drain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}
		return new SpringApplicationBuilder(MentorHubApplication.class, SlowRequests.class)
			.profiles(new TestDatabase().resolve(null))
			.properties("spring.jmx.enabled=false", "spring.main.banner-mode=off",
					"spring.modulith.events.republish-outstanding-events-on-restart=false")
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * A request that stays in flight until the test releases it (ahead of every other filter, so it needs
	 * no sign-in), and a record of the readiness states the instance went through. Not a component: only
	 * this test's instance has it.
	 */
	static class SlowRequests {

		static final String PATH = "/test/drain-probe";

		static final CountDownLatch entered = new CountDownLatch(1);

		static final CountDownLatch release = new CountDownLatch(1);

		static final List<ReadinessState> readiness = new CopyOnWriteArrayList<>();

		@Bean
		FilterRegistrationBean<Filter> drainProbe() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				entered.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
				response.setContentType("text/plain");
				response.getOutputStream().write("drained".getBytes(StandardCharsets.UTF_8));
			});
			registration.addUrlPatterns(PATH);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		@Bean
		ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readinessRecorder() {
			return event -> readiness.add(event.getState());
		}

	}

}
