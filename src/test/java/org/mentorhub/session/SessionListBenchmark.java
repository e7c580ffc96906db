package org.mentorhub.session;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.bench.UniversityData;
import org.mentorhub.identity.tokens.PersonalAccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session list benchmark (not part of the test suite: its name does not end in Tests). Run it
 * with {@code bench/sessions/run.sh}. It fills the database with 1,000,000 sessions (10,000
 * mentorships of 12,000 people, 100 sessions each, from two years ago to one year ahead; the bench
 * generator {@link UniversityData}) unless they are there already, then measures "my sessions" as HTML ({@code GET /sessions}, a signed-in browser
 * session) and JSON ({@code GET /api/v1/sessions}, a personal access token) with concurrent clients,
 * next to a baseline ({@code GET /api/v1/me}), and counts the SQL statements of each request with a
 * counting proxy around the data source ({@link StatementCounter#total()}). Writes bench/results/sessions.txt.
 */
@MentorHubServerTest
@Import(StatementCounter.class)
class SessionListBenchmark {

	static final int MENTORSHIPS = Integer.getInteger("bench.mentorships", 10_000);

	static final int PER_MENTORSHIP = Integer.getInteger("bench.sessionsPerMentorship", 100);

	static final int MENTORS = MENTORSHIPS / 5;

	static final int ITERATIONS = Integer.getInteger("bench.iterations", 1_000);

	static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);

	/** Before the generated e-mails, usernames and institution code, so that the set sits beside the demo. */
	static final String PREFIX = "session-";

	/** Mentorships of five per mentor are all ACTIVE ({@link UniversityData}'s rounds of ten begin so). */
	static final UniversityData.Sizes SIZES = new UniversityData.Sizes(3 + MENTORS + MENTORSHIPS, 1, 1, MENTORS,
			MENTORSHIPS, MENTORSHIPS * PER_MENTORSHIP, 0, 0);

	static final String CODE = "SESSION-BENCH1";

	static final String CALLER = UniversityData.email(PREFIX, "mentor", 0);

	static final String MENTEE_CALLER = UniversityData.email(PREFIX, "mentee", 0);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	UserDetailsService users;

	@Autowired
	PersonalAccessTokens tokens;

	@LocalServerPort
	int port;

	final List<String> report = new ArrayList<>();

	@Test
	void measure() throws Exception {
		long started = System.nanoTime();
		generate();
		analyze();
		String product;
		try (Connection c = this.template.getDataSource().getConnection()) {
			product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
		}
		line("Data: %d sessions in %d mentorships of institution %s (generated or found in %.1f s); database %s",
				count("SELECT COUNT(*) FROM mentoring_sessions"), count("SELECT COUNT(*) FROM mentorships m JOIN "
						+ "institutions i ON i.id = m.institution_id WHERE i.code = '" + CODE + "'"),
				CODE, (System.nanoTime() - started) / 1e9, product);
		long mentorId = count("SELECT id FROM users WHERE email = '" + CALLER + "'");
		long menteeId = count("SELECT id FROM users WHERE email = '" + MENTEE_CALLER + "'");
		line("Callers: a mentor with %d sessions (5 mentees), a mentee with %d sessions",
				count("SELECT COUNT(*) FROM mentoring_sessions WHERE mentor_id = " + mentorId),
				count("SELECT COUNT(*) FROM mentoring_sessions WHERE mentee_id = " + menteeId));
		HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String bearer = "Bearer " + token(CALLER);
		String menteeBearer = "Bearer " + token(MENTEE_CALLER);
		HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String cookie = signIn(CALLER);

		List<String> apiMix = List.of("/api/v1/sessions", "/api/v1/sessions?tab=past", "/api/v1/sessions?tab=past&page=10",
				"/api/v1/sessions?status=CONFIRMED", "/api/v1/sessions?tab=past&status=COMPLETED&page=3");
		List<String> pageMix = apiMix.stream().map(u -> u.replace("/api/v1/sessions", "/sessions")).toList();

		line("");
		line("SQL statements per request (one request at a time, counted on the data source; includes the security");
		line("filter chain's own: the bearer token or the HTTP session in the database):");
		Request me = new Request(api, bearer, null, "/api/v1/me");
		line("  %-64s %3d", "baseline GET /api/v1/me", statements(me));
		for (String uri : apiMix) {
			line("  %-64s %3d", "GET " + uri + " (mentor)", statements(new Request(api, bearer, null, uri)));
		}
		line("  %-64s %3d", "GET /api/v1/sessions (mentee)", statements(new Request(api, menteeBearer, null, "/api/v1/sessions")));
		for (String uri : pageMix) {
			line("  %-64s %3d", "GET " + uri + " (HTML, mentor)", statements(new Request(browser, null, cookie, uri)));
		}
		line("  The count does not grow with the page size or the data: one COUNT and one row query for the list,");
		line("  one for the viewer's zone (and the HTML page one for the mentorships to plan in).");
		for (int size : new int[] { 1, 20, 100 }) {
			line("  %-64s %3d", "GET /api/v1/sessions?size=" + size, statements(new Request(api, bearer, null, "/api/v1/sessions?size=" + size)));
		}

		line("");
		line("HTTP, %d concurrent clients, %d requests each (ms per request):", CONCURRENCY, ITERATIONS);
		http("baseline: GET /api/v1/me", List.of(me), ITERATIONS);
		http("JSON: GET /api/v1/sessions (the mix, mentor)", apiMix.stream().map(u -> new Request(api, bearer, null, u)).toList(),
				ITERATIONS);
		http("HTML: GET /sessions (the mix, mentor)", pageMix.stream().map(u -> new Request(browser, null, cookie, u)).toList(),
				ITERATIONS);
		http("JSON: GET /api/v1/sessions (mentee, upcoming)", List.of(new Request(api, menteeBearer, null, "/api/v1/sessions")),
				ITERATIONS);
		line("");
		line("Total run time of the measurement: %.1f s", (System.nanoTime() - started) / 1e9);
		Path out = Path.of(System.getProperty("bench.out", "bench/results/sessions.txt"));
		Files.createDirectories(out.getParent());
		Files.writeString(out, String.join("\n", this.report) + "\n");
	}

	record Request(HttpClient client, String bearer, String cookie, String path) {
	}

	long statements(Request r) {
		get(r);
		long before = StatementCounter.total();
		get(r);
		return StatementCounter.total() - before;
	}

	/** Signs in through the form as a browser would ({@link HttpTestClient}) and returns the session cookie. */
	String signIn(String email) throws Exception {
		HttpTestClient browser = new HttpTestClient(this.port);
		assertThat(HttpTestClient.location(browser.signIn(email, "mentorhub-demo"))).hasValue("/");
		String cookie = "SESSION=" + browser.cookies().value("SESSION").orElseThrow();
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(base("/sessions")).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"sessions\"");
		return cookie;
	}

	String token(String email) {
		UserDetails caller = this.users.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.getAuthorities()));
		try {
			return this.tokens.create(new PersonalAccessTokens.NewToken("session benchmark " + System.nanoTime(),
					List.of("read"), 1)).token();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	void http(String label, List<Request> requests, int perClient) throws Exception {
		for (int i = 0; i < 100; i++) {
			get(requests.get(i % requests.size()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		double[] ms = new double[perClient * CONCURRENCY];
		long t0 = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < CONCURRENCY; w++) {
			int worker = w;
			futures.add(pool.submit(() -> {
				for (int i = 0; i < perClient; i++) {
					int index = worker * perClient + i;
					long t = System.nanoTime();
					get(requests.get(index % requests.size()));
					ms[index] = (System.nanoTime() - t) / 1e6;
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		Arrays.sort(ms);
		line("%-56s p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f  (%.0f req/s)", label, pct(ms, 50), pct(ms, 95),
				pct(ms, 99), ms[ms.length - 1], ms.length / seconds);
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	void get(Request r) {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(base(r.path()));
			if (r.bearer() != null) {
				b.header("Authorization", r.bearer());
			}
			if (r.cookie() != null) {
				b.header("Cookie", r.cookie());
			}
			HttpResponse<Void> response = r.client().send(b.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(r.path() + " answered " + response.statusCode());
			}
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI base(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	void line(String format, Object... args) {
		String text = String.format(format, args);
		System.out.println(text);
		this.report.add(text);
	}

	void analyze() throws java.sql.SQLException {
		String product;
		try (var connection = this.template.getDataSource().getConnection()) {
			product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
		}
		boolean mysqlFamily = product.contains("mariadb") || product.contains("mysql");
		this.template.execute(mysqlFamily ? "ANALYZE TABLE mentoring_sessions, mentorships, users" : "ANALYZE");
	}

	/**
	 * Fills the database with the bench generator ({@link UniversityData}: COPY on PostgreSQL, multi-row
	 * INSERTs elsewhere) unless this set's institution exists already: one institution and department, all
	 * mentorships ACTIVE (five per mentor), the sessions spread evenly over them; no notifications or audit
	 * rows. Everyone signs in with the demo password.
	 */
	void generate() throws java.sql.SQLException {
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE email = 'admin@northbridge.demo'")
			.query(String.class)
			.single();
		new UniversityData(this.template.getDataSource(), PREFIX, hash, SIZES).generate();
	}

}
