package org.mentorhub.profile.directory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.identity.tokens.PersonalAccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory benchmark (not part of the test suite: its name does not end in Tests). Run it with
 * {@code bench/directory/run.sh}. It fills the database with one institution of 50,000 users, 2,000 of
 * them mentors (profiles, tags, availability), unless it is there already, then measures a mix of
 * directory searches as a service call and over HTTP with 32 concurrent users, next to a baseline (a
 * user read by primary key), and writes {@code bench/results/directory.txt}.
 */
@MentorHubServerTest
class DirectoryBenchmark {

	static final int USERS = Integer.getInteger("bench.users", 50_000);

	static final int MENTORS = Integer.getInteger("bench.mentors", 2_000);

	static final int ITERATIONS = Integer.getInteger("bench.iterations", 2_000);

	static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);

	static final String CODE = "BENCH";

	static final String CALLER = "bench-caller@bench.example";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	Directory directory;

	@Autowired
	UserDetailsService users;

	@Autowired
	PersonalAccessTokens tokens;

	@LocalServerPort
	int port;

	String bearer;

	final List<String> report = new ArrayList<>();

	@Test
	void measure() throws Exception {
		long started = System.nanoTime();
		generate();
		analyze();
		line("Data: %d users, %d mentors of institution %s (generated or found in %.1f s); database %s",
				count("SELECT COUNT(*) FROM users u JOIN institutions i ON i.id = u.institution_id WHERE i.code = 'BENCH'"),
				count("SELECT COUNT(*) FROM mentor_profiles mp JOIN users u ON u.id = mp.user_id JOIN institutions i "
						+ "ON i.id = u.institution_id WHERE i.code = 'BENCH'"),
				CODE, (System.nanoTime() - started) / 1e9, this.template.getDataSource().getConnection().getMetaData()
					.getDatabaseProductName());
		List<Directory.Query> mix = mix();
		List<String> uris = mix.stream().map(DirectoryBenchmark::uri).toList();
		long callerId = count("SELECT id FROM users WHERE email = '" + CALLER + "'");

		UserDetails caller = this.users.loadUserByUsername(CALLER);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.getAuthorities()));
		try {
			for (int i = 0; i < 200; i++) {
				this.directory.search(mix.get(i % mix.size()));
			}
			for (Directory.Query q : mix) {
				Directory.Result result = this.directory.search(q);
				line("  %-70s -> %5d mentors", uri(q), result.total());
			}
			Random random = new Random(1);
			int users = (int) count("SELECT COUNT(*) FROM users");
			long maxId = count("SELECT MAX(id) FROM users");
			line("");
			line("Service call, one thread, %d iterations each (ms):", ITERATIONS);
			stats("baseline: user by primary key", ITERATIONS, () -> {
				long id = 1 + random.nextInt((int) maxId);
				this.jdbc.sql("SELECT id, full_name, email FROM users WHERE id = :id").param("id", id).query().listOfRows();
				return null;
			});
			int[] next = { 0 };
			stats("directory: the mix", ITERATIONS, () -> this.directory.search(mix.get(next[0]++ % mix.size())));
			for (int k = 0; k < mix.size(); k++) {
				Directory.Query q = mix.get(k);
				stats("  " + uri(q), Math.max(50, ITERATIONS / 10), () -> this.directory.search(q));
			}
			assertThat(users).isGreaterThan(0);
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		line("");
		line("HTTP, %d concurrent users, %d requests each kind (ms per request):", CONCURRENCY, ITERATIONS * 2);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.bearer = "Bearer " + token();
		assertThat(client.send(request("/api/v1/me"), HttpResponse.BodyHandlers.discarding()).statusCode())
			.as("the token signs in").isEqualTo(200);
		http(client, "baseline: GET /api/v1/me", List.of("/api/v1/me"), ITERATIONS * 2);
		http(client, "directory: GET /api/v1/directory/mentors (the mix)", uris, ITERATIONS * 2);
		line("");
		line("Total run time of the measurement: %.1f s; caller id %d", (System.nanoTime() - started) / 1e9, callerId);
		Path out = Path.of(System.getProperty("bench.out", "bench/results/directory.txt"));
		Files.createDirectories(out.getParent());
		Files.writeString(out, String.join("\n", this.report) + "\n");
	}

	List<Directory.Query> mix() {
		Long department = this.jdbc.sql("SELECT d.id FROM departments d JOIN institutions i ON i.id = d.institution_id "
				+ "WHERE i.code = 'BENCH' ORDER BY d.id").query(Long.class).list().get(0);
		return List.of(new Directory.Query(null, null, null, null, false, false, false, Directory.Sort.NAME, 1),
				new Directory.Query(null, null, null, null, false, false, false, Directory.Sort.NAME, 50),
				new Directory.Query("mentor 1", null, null, null, false, false, false, Directory.Sort.NAME, 1),
				new Directory.Query(null, "skill 7", null, null, false, false, false, Directory.Sort.NAME, 1),
				new Directory.Query(null, "skill 7", "skill 12", null, true, false, false, Directory.Sort.CAPACITY, 1),
				new Directory.Query(null, null, null, department, true, true, false, Directory.Sort.NAME, 1),
				new Directory.Query(null, null, null, department, false, false, true, Directory.Sort.OVERLAP, 1),
				new Directory.Query(null, "skill 3", null, null, false, false, true, Directory.Sort.OVERLAP, 1),
				new Directory.Query(null, null, null, null, false, false, true, Directory.Sort.OVERLAP, 2));
	}

	static String uri(Directory.Query q) {
		StringBuilder uri = new StringBuilder("/api/v1/directory/mentors?sort=" + q.sort() + "&page=" + q.page());
		append(uri, "q", q.text());
		append(uri, "skill", q.skill());
		append(uri, "interest", q.interest());
		append(uri, "department", q.departmentId() == null ? null : q.departmentId().toString());
		append(uri, "accepting", q.accepting() ? "true" : null);
		append(uri, "newMothers", q.supportsNewMothers() ? "true" : null);
		append(uri, "overlap", q.overlap() ? "true" : null);
		return uri.toString();
	}

	static void append(StringBuilder uri, String name, String value) {
		if (value != null) {
			uri.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	void stats(String label, int iterations, Supplier<Object> call) {
		for (int i = 0; i < Math.min(100, iterations); i++) {
			call.get();
		}
		double[] ms = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			long t = System.nanoTime();
			call.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		summary(label, ms, 0);
	}

	void summary(String label, double[] ms, double seconds) {
		Arrays.sort(ms);
		line("%-72s p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f%s", label, pct(ms, 50), pct(ms, 95), pct(ms, 99),
				ms[ms.length - 1], seconds > 0 ? String.format("  (%.0f req/s)", ms.length / seconds) : "");
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	/**
	 * A personal access token of the caller (created through the identity module's API, as a script would),
	 * so that every request authenticates the way API clients do: {@code Authorization: Bearer}.
	 */
	String token() {
		UserDetails caller = this.users.loadUserByUsername(CALLER);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.getAuthorities()));
		try {
			return this.tokens.create(new PersonalAccessTokens.NewToken("directory benchmark " + System.nanoTime(),
					List.of("read"), 1)).token();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	void http(HttpClient client, String label, List<String> uris, int requests) throws Exception {
		for (int i = 0; i < 200; i++) {
			get(client, uris.get(i % uris.size()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		double[] ms = new double[requests];
		int perThread = requests / CONCURRENCY;
		long t0 = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < CONCURRENCY; w++) {
			int worker = w;
			futures.add(pool.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					int index = worker * perThread + i;
					long t = System.nanoTime();
					get(client, uris.get(index % uris.size()));
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
		summary(label, Arrays.copyOf(ms, perThread * CONCURRENCY), seconds);
	}

	void get(HttpClient client, String path) {
		try {
			HttpResponse<Void> response = client.send(request(path), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest request(String path) {
		return HttpRequest.newBuilder(base(path)).header("Authorization", this.bearer).build();
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

	/**
	 * Refreshes the planner's statistics, as autovacuum (PostgreSQL) or the automatic statistics (MariaDB,
	 * H2) would in production after a bulk load; without them PostgreSQL plans for empty tables.
	 */
	void analyze() throws java.sql.SQLException {
		String product;
		try (var connection = this.template.getDataSource().getConnection()) {
			product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
		}
		List<String> tables = List.of("users", "user_roles", "user_profiles", "mentor_profiles", "availability_slots",
				"tags", "user_tags", "departments");
		boolean mysqlFamily = product.contains("mariadb") || product.contains("mysql");
		this.template.execute(mysqlFamily ? "ANALYZE TABLE " + String.join(", ", tables) : "ANALYZE");
	}

	/** Fills the database in JDBC batches, unless the bench institution exists already. */
	void generate() {
		if (count("SELECT COUNT(*) FROM institutions WHERE code = 'BENCH'") > 0) {
			return;
		}
		this.jdbc.sql("INSERT INTO institutions (name, code) VALUES ('Benchmark University', 'BENCH')").update();
		long institution = count("SELECT id FROM institutions WHERE code = 'BENCH'");
		for (String d : List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8")) {
			this.jdbc.sql("INSERT INTO departments (institution_id, name, code) VALUES (:i, :n, :c)")
				.param("i", institution)
				.param("n", "Bench department " + d)
				.param("c", d)
				.update();
		}
		List<Long> departments = this.jdbc.sql("SELECT id FROM departments WHERE institution_id = :i ORDER BY id")
			.param("i", institution)
			.query(Long.class)
			.list();
		long mentorRole = count("SELECT id FROM roles WHERE name = 'MENTOR'");
		long menteeRole = count("SELECT id FROM roles WHERE name = 'MENTEE'");
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE email = 'admin@northbridge.demo'")
			.query(String.class)
			.single();
		Random random = new Random(42);
		List<Object[]> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			boolean mentor = i < MENTORS;
			String name = (mentor ? "Mentor " : "Person ") + i + " " + (char) ('A' + random.nextInt(26)) + "son";
			users.add(new Object[] { institution, departments.get(random.nextInt(departments.size())),
					mentor ? mentorRole : menteeRole, "bench-" + i, i == MENTORS ? CALLER : "bench-" + i + "@bench.example",
					name, i == MENTORS ? hash : null, "ACTIVE" });
		}
		this.template.batchUpdate("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, "
				+ "full_name, password_hash, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", users);
		long first = count("SELECT MIN(id) FROM users WHERE institution_id = " + institution);
		long callerId = count("SELECT id FROM users WHERE email = '" + CALLER + "'");
		this.template.update("INSERT INTO user_roles (user_id, role_id) SELECT id, primary_role_id FROM users "
				+ "WHERE institution_id = ?", institution);
		List<Object[]> profiles = new ArrayList<>();
		List<Object[]> mentorProfiles = new ArrayList<>();
		List<Object[]> slots = new ArrayList<>();
		String[] zones = { "UTC", "Europe/London", "Asia/Kolkata", "America/New_York", "Europe/Berlin" };
		for (long id = first; id < first + MENTORS; id++) {
			profiles.add(new Object[] { id, "Mentor", "Expert " + random.nextInt(50),
					random.nextInt(20) == 0 ? "PRIVATE" : "INSTITUTION" });
			int max = 1 + random.nextInt(5);
			mentorProfiles.add(new Object[] { id, "Professor", "Field " + random.nextInt(40), max, random.nextInt(max + 1),
					random.nextInt(5) > 0, random.nextInt(4) == 0 });
			String zone = zones[random.nextInt(zones.length)];
			for (int s = 0; s < 3; s++) {
				int start = 7 + random.nextInt(10);
				slots.add(new Object[] { id, 1 + random.nextInt(7), LocalTime.of(start, 0),
						LocalTime.of(start + 1 + random.nextInt(3), 0), zone });
			}
		}
		for (int s = 1; s <= 5; s++) {
			slots.add(new Object[] { callerId, s, LocalTime.of(9, 0), LocalTime.of(12, 0), "Europe/London" });
		}
		this.template.batchUpdate("INSERT INTO user_profiles (user_id, first_name, area_of_expertise, visibility) "
				+ "VALUES (?, ?, ?, ?)", profiles);
		this.template.batchUpdate("INSERT INTO mentor_profiles (user_id, designation, specialization, max_mentees, "
				+ "current_mentee_count, accepting_new_mentees, supports_new_mothers) VALUES (?, ?, ?, ?, ?, ?, ?)",
				mentorProfiles);
		this.template.batchUpdate("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, "
				+ "time_zone) VALUES (?, ?, ?, ?, ?)", slots);
		List<Object[]> tags = new ArrayList<>();
		for (int t = 0; t < 200; t++) {
			tags.add(new Object[] { institution, "Skill " + t, "skill-" + t });
		}
		this.template.batchUpdate("INSERT INTO tags (institution_id, name, slug) VALUES (?, ?, ?)", tags);
		long firstTag = count("SELECT MIN(id) FROM tags WHERE institution_id = " + institution);
		List<Object[]> userTags = new ArrayList<>();
		for (long id = first; id < first + USERS; id++) {
			boolean mentor = id < first + MENTORS;
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (int k = 0; k < (mentor ? 5 : 2); k++) {
				long tag = firstTag + (long) Math.min(199, Math.abs(random.nextGaussian() * 40));
				String kind = mentor && k < 3 ? "SKILL" : "INTEREST";
				if (seen.add(tag + kind)) {
					userTags.add(new Object[] { id, tag, kind });
				}
			}
		}
		this.template.batchUpdate("INSERT INTO user_tags (user_id, tag_id, kind) VALUES (?, ?, ?)", userTags);
	}

}
