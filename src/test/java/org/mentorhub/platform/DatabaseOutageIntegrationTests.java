package org.mentorhub.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentorhub.OtherInstance;
import org.mentorhub.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QUALITY R1, issue 23 part 3: when the database goes away, requests fail fast with 503 (problem JSON for
 * the API, a static page for browsers, with {@code Retry-After}) and readiness goes DOWN; when it comes back,
 * the application recovers by itself, without a restart. A MentorHub instance of its own reaches the suite's
 * database (H2: a TCP server of its own) through a {@link TcpCutter} that the test cuts and restores.
 */
class DatabaseOutageIntegrationTests {

	/** A token of the right shape that matches nothing: looking it up needs the database. */
	private static final String TOKEN = "mh_" + "A".repeat(43);

	private static Server h2;

	private static TcpCutter cutter;

	private static ConfigurableApplicationContext instance;

	private static HttpClient http;

	private static String base;

	@BeforeAll
	static void start() throws Exception {
		String url;
		switch (TestDatabase.current()) {
			case "h2" -> {
				h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
				cutter = new TcpCutter("127.0.0.1", h2.getPort());
				url = "jdbc:h2:tcp://127.0.0.1:" + cutter.port() + "/mem:outage;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64";
			}
			case "postgresql" -> url = through(env("MENTORHUB_TEST_POSTGRESQL_URL",
					"jdbc:postgresql://127.0.0.1:5432/mentorhub_test"));
			default -> url = through(env("MENTORHUB_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/mentorhub_test"));
		}
		instance = OtherInstance.startWithArguments("--spring.datasource.url=" + url, "--server.port=0",
				"--mentorhub.demo.enabled=false", "--spring.datasource.hikari.connection-timeout=5000");
		base = "http://127.0.0.1:" + OtherInstance.port(instance);
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@AfterAll
	static void stop() throws Exception {
		if (instance != null) {
			instance.close();
		}
		if (cutter != null) {
			cutter.close();
		}
		if (h2 != null) {
			h2.stop();
		}
	}

	@Test
	void failsFastWith503WhileTheDatabaseIsAwayAndRecoversByItself() throws Exception {
		assertThat(api().statusCode()).as("a token that matches nothing, database up").isEqualTo(401);
		assertThat(readiness().statusCode()).isEqualTo(200);

		cutter.cut();

		HttpResponse<String> api = api();
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(api.body()).contains("\"status\":503").contains("cannot reach its database")
			.doesNotContain("Exception").doesNotContain("at org.");

		HttpResponse<String> page = page();
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("MentorHub is back in a moment").doesNotContain("Exception");

		HttpResponse<String> ready = readiness();
		assertThat(ready.statusCode()).as("readiness while the database is away").isEqualTo(503);
		assertThat(ready.body()).contains("DOWN");
		assertThat(get("/actuator/health/liveness", "application/json").statusCode())
			.as("the process itself is alive: no restart wanted").isEqualTo(200);

		cutter.restore();

		// R1: back within 30 s without a restart.
		Instant deadline = Instant.now().plusSeconds(30);
		int status = 0;
		while (Instant.now().isBefore(deadline)) {
			status = api().statusCode();
			if (status == 401 && readiness().statusCode() == 200) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(status).as("the API after the database came back").isEqualTo(401);
		assertThat(readiness().statusCode()).isEqualTo(200);
		assertThat(page().statusCode()).as("a page with an unknown session after the database came back")
			.isEqualTo(200);
	}

	private static HttpResponse<String> api() throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(25))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The sign-in page with a session cookie: finding the session needs the database. */
	private static HttpResponse<String> page() throws Exception {
		String session = Base64.getEncoder().encodeToString("no-such-session-0000".getBytes());
		return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Cookie", "SESSION=" + session)
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(25))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> readiness() throws Exception {
		return get("/actuator/health/readiness", "application/json");
	}

	private static HttpResponse<String> get(String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
			.timeout(Duration.ofSeconds(25))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** The JDBC URL with its host and port replaced by the cutter's, which forwards to them. */
	private static String through(String url) throws Exception {
		Matcher m = Pattern.compile("//([^/:]+):(\\d+)/").matcher(url);
		if (!m.find()) {
			throw new IllegalArgumentException("No host:port in " + url);
		}
		cutter = new TcpCutter(m.group(1), Integer.parseInt(m.group(2)));
		return url.substring(0, m.start()) + "//127.0.0.1:" + cutter.port() + "/" + url.substring(m.end());
	}

}
