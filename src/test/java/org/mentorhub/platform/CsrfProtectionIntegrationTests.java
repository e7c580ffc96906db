package org.mentorhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.servlet.ServletException;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.HandlerRoutes.Route;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * CSRF protection on every state-changing route, and GET routes that change nothing (QUALITY S7).
 * Both tests walk the application's handler mappings, so an endpoint added later is covered without
 * touching this class.
 */
@MentorHubIntegrationTest
class CsrfProtectionIntegrationTests {

	/**
	 * Tables that record that something was read or who is signed in, not business state; rate_limit_buckets
	 * counts the calls of rate-limited reads (exports, calendar feeds) across instances (docs/rate-limits.md).
	 */
	static final Set<String> BOOKKEEPING = Set.of("audit_logs", "spring_session", "spring_session_attributes",
			"event_publication", "event_publication_archive", "shedlock", "flyway_schema_history", "rate_limit_buckets");

	/**
	 * Unsafe routes allowed without a CSRF token, as "METHOD /pattern". Add one only with a reason
	 * in a comment: such a route must not be authenticated by the session cookie (a signed webhook,
	 * say), since a cookie is what a forged cross-site request carries.
	 */
	static final Set<String> CSRF_EXEMPT = Set.of();

	/**
	 * The public account API, exempt only for callers who are NOT signed in: it takes its proof in
	 * the body (a single-use token, or just an address whose answer never differs), not from a
	 * cookie, so a forged cross-site request gains nothing. A signed-in caller still needs a token
	 * (SecurityConfiguration.anonymousCallTo).
	 */
	static final Set<String> CSRF_EXEMPT_WHEN_ANONYMOUS = Set.of("POST /api/v1/account/activation",
			"POST /api/v1/account/email-changes", "POST /api/v1/account/password-reset-requests",
			"POST /api/v1/account/password-resets", "POST /api/v1/account/registration-confirmations",
			"POST /api/v1/account/registrations");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockProvider lockProvider;

	/**
	 * One signed-in user of every role, in a university and a company of the test's own, with data to
	 * show (a mentorship with a session, a goal, a notification), and the id a path variable takes by
	 * what the path names: {@code /sessions/{id}} the session's, {@code /people/{userId}} the
	 * student's, and so on; 1 where the path names nothing the world has.
	 */
	record World(List<UserDetails> everyone, Map<String, Long> idsByPathPart) {

		Route concrete(Route route) {
			return this.idsByPathPart.entrySet()
				.stream()
				.filter(part -> route.pattern().contains(part.getKey()))
				.findFirst()
				.map(part -> HandlerRoutes.withId(route, part.getValue()))
				.orElse(route);
		}

	}

	World world() {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account student = college.aStudent().inDepartment("CS").create(this.jdbc);
		this.jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count, accepting_new_mentees) "
				+ "VALUES (:u, 3, 1, TRUE)")
			.param("u", mentor.id())
			.update();
		long mentorship = TestMentorships.plant(this.jdbc, mentor, student, "ACTIVE");
		long session = SessionFixtures.session(this.jdbc, mentorship, mentor.id(), student.id(), mentor.id(), "CONFIRMED",
				SessionFixtures.randomHour(20, 30), "Walked session");
		long goal = key(this.jdbc.sql("INSERT INTO goals (student_id, mentorship_id, title) VALUES (:u, :m, 'Walked goal')")
			.param("u", student.id())
			.param("m", mentorship));
		long notification = key(this.jdbc.sql("INSERT INTO notifications (user_id, type, title, body) "
				+ "VALUES (:u, 'SESSION_CONFIRMED', 'Session confirmed', 'Your next session is confirmed.')")
			.param("u", student.id()));
		TestInstitution company = aCompany().withDepartment("ENGR").build(this.jdbc);
		Account mother = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		TestAccounts.grant(this.jdbc, mother, RoleName.MENTEE);
		Account platform = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);
		List<UserDetails> everyone = new ArrayList<>();
		for (Account account : List.of(platform, admin, coordinator, mentor, student, mother)) {
			everyone.add(this.users.loadUserByUsername(account.email()));
		}
		everyone.add(null);
		Map<String, Long> ids = new LinkedHashMap<>();
		ids.put("/sessions/", session);
		ids.put("/mentorships/", mentorship);
		ids.put("/goals/", goal);
		ids.put("/notifications/", notification);
		for (String people : List.of("/profiles/", "/people/", "/users/", "/students/")) {
			ids.put(people, student.id());
		}
		ids.put("/institutions/", college.id());
		ids.put("/departments/", college.department("CS"));
		return new World(everyone, ids);
	}

	static long key(JdbcClient.StatementSpec insert) {
		KeyHolder keys = new GeneratedKeyHolder();
		insert.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	MvcResult perform(Route route, UserDetails user) throws Exception {
		MockHttpServletRequestBuilder request = request(route.method(), route.path());
		return this.mvc.perform(user == null ? request : request.with(user(user))).andReturn();
	}

	/** Performs the request; a failure that MockMvc leaves to the server's error page is an answer too. */
	void performAnyway(Route route, UserDetails user) throws Exception {
		try {
			perform(route, user);
		}
		catch (ServletException answeredWithAnErrorPage) {
			// Tomcat would show the error page; what matters here is only whether state changed.
		}
	}

	@Test
	void everyUnsafeRouteWithoutACsrfTokenIsRefusedBySignedInUsersAndVisitorsAlike() throws Exception {
		UserDetails admin = this.users.loadUserByUsername(aUniversity().build(this.jdbc).anAdmin().create(this.jdbc).email());
		List<Route> routes = HandlerRoutes.unsafe(this.context);
		assertThat(routes).as("the walk finds the filter routes and the mapped ones").hasSizeGreaterThan(2);

		List<String> unprotected = new ArrayList<>();
		for (Route route : routes) {
			if (CSRF_EXEMPT.contains(route.toString())) {
				continue;
			}
			for (UserDetails who : new UserDetails[] { admin, null }) {
				if (who == null && CSRF_EXEMPT_WHEN_ANONYMOUS.contains(route.toString())) {
					continue;
				}
				MvcResult result = perform(route, who);
				boolean refusedByCsrf = result.getResponse().getStatus() == 403
						&& result.getRequest().getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
				if (!refusedByCsrf) {
					unprotected.add(route + (who == null ? " (anonymous)" : " (signed in)") + " -> "
							+ result.getResponse().getStatus());
				}
			}
		}

		assertThat(unprotected).as("unsafe routes that answered without a CSRF token").isEmpty();
	}

	@Test
	void getRequestsNeverChangeState() throws Exception {
		List<Route> routes = HandlerRoutes.gets(this.context);
		assertThat(routes).extracting(Route::pattern).contains("/", "/login", "/api/v1/me");
		World world = world();

		// The shared context's scheduled jobs (alert sweeps, event resubmission, digests) write on their
		// own; holding each job's cluster lock, as another instance would, keeps them out of the walk.
		try (JobLocks held = JobLocks.holdAll(this.context, this.lockProvider)) {
			walkEveryRoute(routes, world);
		}
	}

	private void walkEveryRoute(List<Route> routes, World world) throws Exception {
		Map<String, String> before = snapshot();
		for (Route route : routes) {
			walk(route, world);
		}
		if (before.equals(snapshot())) {
			return;
		}
		// Something changed: find the route that does it. A scheduled job of the shared context (alert
		// escalations, relationship health) may write while a route is walked; it would not write again on
		// the second walk of the same route, a route that writes does.
		List<String> culprits = new ArrayList<>();
		for (Route route : routes) {
			Map<String, String> start = snapshot();
			walk(route, world);
			Map<String, String> end = snapshot();
			if (!start.equals(end)) {
				Map<String, String> again = snapshot();
				walk(route, world);
				Map<String, String> afterAgain = snapshot();
				if (!again.equals(afterAgain)) {
					culprits.add(route + " changed " + changedTables(again, afterAgain));
				}
			}
		}
		assertThat(culprits).as("GET routes that changed the database").isEmpty();
	}

	/**
	 * Every scheduled job's ShedLock lock, held until closed: the jobs of this instance then skip their
	 * runs, as they do while another instance of the cluster runs them. A job that is running when the
	 * locks are taken is waited for (its lock is released when it ends).
	 */
	static final class JobLocks implements AutoCloseable {

		private final List<SimpleLock> locks = new ArrayList<>();

		static JobLocks holdAll(ApplicationContext context, LockProvider provider) throws InterruptedException {
			Set<String> names = new TreeSet<>();
			for (String bean : context.getBeanDefinitionNames()) {
				Class<?> type = context.getType(bean, false);
				if (type == null) {
					continue;
				}
				ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> {
					SchedulerLock lock = AnnotationUtils.findAnnotation(method, SchedulerLock.class);
					if (lock != null && AnnotationUtils.findAnnotation(method, Scheduled.class) != null) {
						names.add(lock.name());
					}
				});
			}
			assertThat(names).as("the scheduled jobs' lock names").contains("alert-rules-sweep",
					"platform-event-resubmission");
			JobLocks held = new JobLocks();
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			for (String name : names) {
				while (true) {
					Optional<SimpleLock> lock = provider
						.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(30), Duration.ZERO));
					if (lock.isPresent()) {
						held.locks.add(lock.get());
						break;
					}
					if (System.nanoTime() > deadline) {
						held.close();
						throw new IllegalStateException("The job lock " + name + " stayed taken for 2 minutes");
					}
					Thread.sleep(200);
				}
			}
			return held;
		}

		@Override
		public void close() {
			this.locks.forEach(SimpleLock::unlock);
		}

	}

	/** Requests the route as everyone of the world, with the world's id in its path. */
	void walk(Route route, World world) throws Exception {
		Route concrete = world.concrete(route);
		for (UserDetails who : world.everyone()) {
			performAnyway(concrete, who);
		}
	}

	static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
		List<String> changed = new ArrayList<>();
		after.forEach((table, digest) -> {
			if (!digest.equals(before.get(table))) {
				changed.add(table);
			}
		});
		return changed;
	}

	/** A digest of the rows of every business table, independent of row order. */
	Map<String, String> snapshot() throws Exception {
		Map<String, String> digests = new TreeMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String quote = meta.getIdentifierQuoteString().strip();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
				while (rs.next()) {
					String type = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT);
					String name = rs.getString("TABLE_NAME");
					if (type.contains("TABLE") && !type.contains("SYSTEM") && !type.contains("TEMPORARY")
							&& !BOOKKEEPING.contains(name.toLowerCase(Locale.ROOT))) {
						tables.add(name);
					}
				}
			}
			for (String table : tables) {
				List<String> rows = new ArrayList<>();
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						StringBuilder row = new StringBuilder();
						for (int i = 1; i <= columns; i++) {
							Object value = rs.getObject(i);
							row.append(value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes)
									: String.valueOf(value)).append('\u0001');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				rows.forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
				digests.put(table.toLowerCase(Locale.ROOT), rows.size() + ":" + HexFormat.of().formatHex(sha.digest()));
			}
		}
		return digests;
	}

}
