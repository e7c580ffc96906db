import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drills' load client and report (drills/README.md). Run with {@code java drills/LoadClient.java}, no build.
 *
 * <pre>
 * load BASE_URL RUN_DIR RUN_ID [WRITERS]   sign in, make a token, write goals until RUN_DIR/stop exists
 * report RUN_DIR                          figures per phase, and the acknowledged writes compared with the database
 * </pre>
 *
 * The load records every request in RUN_DIR/events.log, one line each:
 * {@code write START_MS END_MS KEY ATTEMPT STATUS ID-OR-ERROR} for the writes (POST /api/v1/goals with an
 * Idempotency-Key; a failed attempt is retried with the same key, so that a retry never makes a second goal),
 * and {@code session START_MS END_MS STATUS} for the browser session (GET /api/v1/me with the cookie of a
 * sign-in made before the faults). A write is acknowledged when it got 201 with the goal's id: the database
 * must hold every acknowledged goal afterwards.
 */
public class LoadClient {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	/** How long a write is retried with the same key before the client gives up on it (and records that). */
	static final long GIVE_UP_AFTER_MS = 60_000;

	public static void main(String[] args) throws Exception {
		if (args.length >= 4 && args[0].equals("load")) {
			new LoadClient(args[1], Path.of(args[2]), args[3], args.length > 4 ? Integer.parseInt(args[4]) : 3).load();
		}
		else if (args.length == 2 && args[0].equals("report")) {
			System.exit(report(Path.of(args[1])));
		}
		else {
			System.err.println("usage: java LoadClient.java load BASE_URL RUN_DIR RUN_ID [WRITERS] | report RUN_DIR");
			System.exit(2);
		}
	}

	// ---- load ----------------------------------------------------------------------------------

	private final String base;

	private final Path runDir;

	private final String runId;

	private final int writers;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final AtomicBoolean stop = new AtomicBoolean();

	private PrintWriter events;

	LoadClient(String base, Path runDir, String runId, int writers) {
		this.base = base;
		this.runDir = runDir;
		this.runId = runId;
		this.writers = writers;
	}

	void load() throws Exception {
		this.events = new PrintWriter(Files.newBufferedWriter(this.runDir.resolve("events.log")), true);
		String cookie = signIn("student@northbridge.demo", "mentorhub-demo");
		Files.writeString(this.runDir.resolve("session-cookie"), cookie);
		String token = createToken(cookie);
		Files.writeString(this.runDir.resolve("client-ready"), Instant.now().toString());
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < this.writers; w++) {
			int writer = w;
			threads.add(start("writer-" + w, () -> writeLoop(token, writer)));
		}
		threads.add(start("session", () -> sessionLoop(cookie)));
		Path stopFile = this.runDir.resolve("stop");
		while (!Files.exists(stopFile)) {
			Thread.sleep(200);
		}
		this.stop.set(true);
		for (Thread thread : threads) {
			thread.join();
		}
		this.events.close();
	}

	/** Signs in through the form, as a browser does; returns the SESSION cookie ("SESSION=..."). */
	String signIn(String user, String password) throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
		String cookie = sessionCookie(page, null);
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(page.body()));
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
		}
		return sessionCookie(signedIn, cookie);
	}

	/** A personal access token (read, write), made with the session and the CSRF token of a page. */
	String createToken(String cookie) throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/account/tokens")).header("Cookie", cookie).GET());
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/account/tokens"))
			.header("Cookie", cookie)
			.header("X-CSRF-TOKEN", csrf(page.body()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"name\":\"drill " + this.runId + "\",\"scopes\":[\"read\",\"write\"],\"expiresInDays\":1}")));
		if (created.statusCode() != 201) {
			throw new IllegalStateException("token: " + created.statusCode() + " " + created.body());
		}
		return field(created.body(), "token");
	}

	void writeLoop(String token, int writer) {
		for (int seq = 0; !this.stop.get(); seq++) {
			String key = this.runId + "-" + writer + "-" + seq;
			String body = "{\"title\":\"drill " + key + "\",\"category\":\"OTHER\"}";
			long first = System.currentTimeMillis();
			for (int attempt = 1;; attempt++) {
				long start = System.currentTimeMillis();
				String outcome;
				int status;
				try {
					HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/goals"))
						.header("Authorization", "Bearer " + token)
						.header("Idempotency-Key", key)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body)));
					status = answer.statusCode();
					outcome = status == 201 ? field(answer.body(), "id") : oneWord(answer.body());
				}
				catch (Exception ex) {
					status = 0;
					outcome = ex.getClass().getSimpleName();
				}
				long end = System.currentTimeMillis();
				record("write %d %d %s %d %d %s", start, end, key, attempt, status, outcome);
				if (status == 201) {
					break;
				}
				if (end - first > GIVE_UP_AFTER_MS || this.stop.get()) {
					record("abandoned %d %s", end, key);
					break;
				}
				pause(250);
			}
			pause(100);
		}
	}

	void sessionLoop(String cookie) {
		while (!this.stop.get()) {
			long start = System.currentTimeMillis();
			int status;
			try {
				status = send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Cookie", cookie).GET()).statusCode();
			}
			catch (Exception ex) {
				status = 0;
			}
			record("session %d %d %d", start, System.currentTimeMillis(), status);
			pause(500);
		}
	}

	private static Thread start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.start();
		return thread;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private synchronized void record(String format, Object... args) {
		this.events.println(String.format(format, args));
	}

	private static String sessionCookie(HttpResponse<?> response, String previous) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			if (header.startsWith("SESSION=")) {
				return header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
			}
		}
		if (previous == null) {
			throw new IllegalStateException("no SESSION cookie");
		}
		return previous;
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no _csrf in the page");
		}
		return m.group(1);
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
		return m.find() ? m.group(1) : "?";
	}

	private static String oneWord(String body) {
		String title = field(body, "title");
		return title.equals("?") ? "-" : title.replaceAll("\\s+", "_");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- report --------------------------------------------------------------------------------

	record Phase(String name, long start, long end) {
	}

	record Event(String kind, long start, long end, String key, int status, String outcome) {
		boolean failed() {
			return this.status < 200 || this.status >= 300;
		}
	}

	static int report(Path runDir) throws IOException {
		List<Phase> phases = phases(runDir);
		List<Event> events = new ArrayList<>();
		Map<String, Long> acked = new LinkedHashMap<>();
		Set<String> abandoned = new HashSet<>();
		for (String line : Files.readAllLines(runDir.resolve("events.log"))) {
			String[] f = line.split(" ");
			switch (f[0]) {
				case "write" -> {
					Event e = new Event("write", Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Integer.parseInt(f[5]), f[6]);
					events.add(e);
					if (e.status() == 201) {
						acked.put(e.key(), Long.parseLong(e.outcome()));
					}
				}
				case "session" -> events.add(new Event("session", Long.parseLong(f[1]), Long.parseLong(f[2]), "", Integer.parseInt(f[3]), ""));
				case "abandoned" -> abandoned.add(f[2]);
				default -> {
				}
			}
		}
		// The database: "id title" of every goal of this run (title "drill KEY").
		Map<String, List<Long>> rowsByKey = new HashMap<>();
		Set<Long> ids = new HashSet<>();
		for (String line : Files.readAllLines(runDir.resolve("db-goals.txt"))) {
			String[] f = line.trim().split(" ");
			if (f.length < 3) {
				continue;
			}
			ids.add(Long.parseLong(f[0]));
			rowsByKey.computeIfAbsent(f[2], k -> new ArrayList<>()).add(Long.parseLong(f[0]));
		}

		StringBuilder out = new StringBuilder();
		out.append(String.format("%-12s %7s %8s %8s %8s %9s %9s  %s%n", "phase", "seconds", "writes", "w-errors", "acked",
				"max-ms", "sessions", "errors by status (0 = no answer)"));
		for (Phase phase : phases) {
			List<Event> in = events.stream().filter(e -> e.end() >= phase.start() && e.end() < phase.end()).toList();
			List<Event> writes = in.stream().filter(e -> e.kind().equals("write")).toList();
			List<Event> sessions = in.stream().filter(e -> e.kind().equals("session")).toList();
			Map<Integer, Integer> byStatus = new TreeMap<>();
			in.stream().filter(Event::failed).forEach(e -> byStatus.merge(e.status(), 1, Integer::sum));
			long sessionsOk = sessions.stream().filter(e -> e.status() == 200).count();
			out.append(String.format("%-12s %7.1f %8d %8d %8d %9d %4d/%-4d  %s%n", phase.name(), (phase.end() - phase.start()) / 1000.0,
					writes.size(), writes.stream().filter(Event::failed).count(),
					writes.stream().filter(e -> e.status() == 201).count(),
					writes.stream().mapToLong(e -> e.end() - e.start()).max().orElse(0), sessionsOk, sessions.size(),
					byStatus.isEmpty() ? "-" : byStatus.toString()));
		}

		List<String> verdicts = new ArrayList<>();
		boolean pass = true;
		// Outage: how fast requests failed, and how long after the database returned the first write succeeded.
		Phase outage = find(phases, "outage");
		Phase back = find(phases, "db-back");
		if (outage != null && back != null) {
			List<Event> failedDuring = events.stream()
				.filter(e -> e.kind().equals("write") && e.failed() && e.start() >= outage.start() && e.end() < back.start())
				.toList();
			long slowest = failedDuring.stream().mapToLong(e -> e.end() - e.start()).max().orElse(0);
			long firstOk = events.stream()
				.filter(e -> e.kind().equals("write") && e.status() == 201 && e.start() >= back.start())
				.mapToLong(Event::end).min().orElse(Long.MAX_VALUE);
			long recovery = firstOk == Long.MAX_VALUE ? -1 : firstOk - back.start();
			verdicts.add(String.format("outage: %d writes failed while the database was down, the slowest in %d ms", failedDuring.size(), slowest));
			Path ready = runDir.resolve("instances-ready-after.txt");
			if (Files.exists(ready)) {
				verdicts.add("outage: both instances answered readiness UP " + Files.readString(ready).trim()
						+ " s after the database was back (polled directly, every 0.5 s)");
			}
			boolean ok = recovery >= 0 && recovery <= 30_000;
			pass &= ok;
			verdicts.add(String.format("%s recovery: first acknowledged write %.1f s after the database was back (target <= 30 s)",
					ok ? "PASS" : "FAIL", recovery / 1000.0));
			Path readiness = runDir.resolve("readiness.log");
			if (Files.exists(readiness)) {
				List<String> lines = Files.readAllLines(readiness);
				boolean down = lines.stream().anyMatch(l -> l.contains(" outage ") && l.endsWith(" 503"));
				pass &= down;
				verdicts.add((down ? "PASS" : "FAIL") + " readiness went DOWN (503) during the outage");
			}
		}
		Phase sigterm = find(phases, "sigterm");
		if (sigterm != null) {
			long errors = events.stream().filter(e -> e.failed() && e.end() >= sigterm.start() && e.end() < sigterm.end()).count();
			pass &= errors == 0;
			verdicts.add(String.format("%s SIGTERM: %d errors (writes and session reads) while the instance drained (target 0)",
					errors == 0 ? "PASS" : "FAIL", errors));
		}
		Phase crash = find(phases, "kill-9");
		if (crash != null) {
			Path direct = runDir.resolve("session-survivor.txt");
			String survivor = Files.exists(direct) ? Files.readString(direct).trim() : "not checked";
			List<Event> after = events.stream().filter(e -> e.kind().equals("session") && e.start() >= crash.start()).toList();
			long afterOk = after.stream().filter(e -> e.status() == 200).count();
			long signedOut = after.stream().filter(e -> e.status() == 401 || e.status() == 302).count();
			boolean ok = survivor.equals("200") && afterOk > 0 && signedOut == 0;
			pass &= ok;
			verdicts.add(String.format("%s session: the cookie signed in before the kill -9 answered %s on the survivor directly; "
					+ "through haproxy after the kill %d of %d session reads were 200, %d asked to sign in again (target 0)",
					ok ? "PASS" : "FAIL", survivor, afterOk, after.size(), signedOut));
		}
		long missing = acked.entrySet().stream().filter(a -> !ids.contains(a.getValue())).count();
		long duplicated = rowsByKey.values().stream().filter(rows -> rows.size() > 1).count();
		long unacknowledged = rowsByKey.keySet().stream().filter(k -> !acked.containsKey(k)).count();
		pass &= missing == 0 && duplicated == 0;
		verdicts.add(String.format("%s writes: %d acknowledged, %d acknowledged but missing from the database (target 0), "
				+ "%d keys with more than one goal (target 0); %d goals stored without an acknowledgement, %d writes given up",
				missing == 0 && duplicated == 0 ? "PASS" : "FAIL", acked.size(), missing, duplicated, unacknowledged, abandoned.size()));
		verdicts.forEach(v -> out.append(v).append(System.lineSeparator()));
		out.append(pass ? "DRILL PASSED" : "DRILL FAILED").append(System.lineSeparator());
		System.out.print(out);
		return pass ? 0 : 1;
	}

	static List<Phase> phases(Path runDir) throws IOException {
		List<String[]> marks = Files.readAllLines(runDir.resolve("phases.log")).stream().map(l -> l.split(" ")).toList();
		List<Phase> phases = new ArrayList<>();
		for (int i = 0; i + 1 < marks.size(); i++) {
			phases.add(new Phase(marks.get(i)[1], Long.parseLong(marks.get(i)[0]), Long.parseLong(marks.get(i + 1)[0])));
		}
		return phases;
	}

	static Phase find(List<Phase> phases, String name) {
		return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
	}

}
