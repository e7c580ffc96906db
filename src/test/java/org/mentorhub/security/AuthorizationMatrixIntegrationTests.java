package org.mentorhub.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Relation;
import org.mentorhub.security.Matrix.Shape;
import org.mentorhub.security.Matrix.Target;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * QUALITY S8: every role × every endpoint × own and foreign records. The rows live in
 * {@link Matrix.Rows} classes beside each module's tests; this class finds them, fails on any
 * handler method without a row (so no endpoint can be added without deciding who may call it),
 * and runs every row for every persona and relation. A refused call must give 401 or the sign-in
 * page (anonymous) or 403/404 (signed in; a list may instead leave the record out), must not contain
 * the foreign record's marker, and must leave the record unchanged. See docs/security-matrix.md.
 */
@MentorHubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	List<Endpoint> rows;

	MatrixWorld world;

	final Map<Persona, UserDetails> signedIn = new EnumMap<>(Persona.class);

	@BeforeAll
	void plantTheWorld() {
		this.rows = Matrix.all(providers());
		this.world = new MatrixWorld(this.jdbc);
		for (Persona persona : Persona.SIGNED_IN) {
			this.signedIn.put(persona, this.userDetails.loadUserByUsername(this.world.account(persona).email()));
		}
	}

	/** Every {@link Matrix.Rows} in the test sources under org.mentorhub. */
	static List<Matrix.Rows> providers() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Matrix.Rows.class));
		List<Matrix.Rows> providers = new ArrayList<>();
		scanner.findCandidateComponents("org.mentorhub").forEach(candidate -> {
			try {
				providers.add((Matrix.Rows) Class.forName(candidate.getBeanClassName()).getConstructor().newInstance());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot create matrix rows " + candidate.getBeanClassName(), ex);
			}
		});
		return providers;
	}

	/** Every handler as {@code METHOD pattern}; {@code *} for a handler that takes any method. */
	Set<String> handlers() {
		Set<String> keys = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (String endpoint : endpoints(pattern)) {
					if (methods.isEmpty()) {
						keys.add("* " + endpoint);
					}
					methods.forEach(method -> keys.add(method.name() + " " + endpoint));
				}
			}
		}
		return keys;
	}

	private static final java.util.regex.Pattern NAMED_VALUES = java.util.regex.Pattern
		.compile("\\{\\w+:([\\w-]+(?:\\|[\\w-]+)+)}");

	/**
	 * The endpoints one pattern serves: a path variable that names its values
	 * ({@code /sessions/{id}/{action:confirm|cancel}}, one handler for several actions) serves one
	 * endpoint per value, and each needs its own row, since who may call it differs.
	 */
	static List<String> endpoints(String pattern) {
		java.util.regex.Matcher named = NAMED_VALUES.matcher(pattern);
		if (!named.find()) {
			return List.of(pattern);
		}
		List<String> endpoints = new ArrayList<>();
		for (String value : named.group(1).split("\\|")) {
			endpoints.addAll(endpoints(pattern.substring(0, named.start()) + value + pattern.substring(named.end())));
		}
		return endpoints;
	}

	@Test
	void everyHandlerMethodHasAMatrixRow() {
		Set<String> covered = new TreeSet<>();
		this.rows.forEach(row -> covered.add(row.key()));
		Set<String> missing = new TreeSet<>(handlers());
		missing.removeAll(covered);

		assertThat(missing).as("endpoints without a row in the authorization matrix (docs/security-matrix.md)")
			.isEmpty();
	}

	@Test
	void everyMatrixRowNamesAnExistingHandlerOnce() {
		Set<String> handlers = handlers();
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.rows.forEach(row -> counts.merge(row.key(), 1, Integer::sum));

		assertThat(counts.keySet()).as("rows for handlers that do not exist").allMatch(handlers::contains);
		assertThat(counts).as("handlers with more than one row").allSatisfy((key, count) -> assertThat(count).isOne());
		assertThat(this.rows).filteredOn(Endpoint::isExempt)
			.allSatisfy(row -> assertThat(row.exemptReason).as("reason for exempting " + row).isNotBlank());
	}

	@TestFactory
	Stream<DynamicTest> everyRoleOnEveryEndpointAndRecord() {
		return this.rows.stream()
			.filter(row -> !row.isExempt())
			.map(row -> DynamicTest.dynamicTest(row.key(), () -> check(row)));
	}

	void check(Endpoint row) throws Exception {
		List<String> failures = new ArrayList<>();
		for (Persona persona : Persona.values()) {
			Account caller = caller(row, persona);
			if (row.shape == Shape.PLAIN) {
				// A row "with" a fixture plants a fresh record for each call (a single-use token, say).
				Target fresh = row.fixture == null ? null
						: row.fixture.plant(this.world, caller == null ? this.world.owner(persona, Relation.OWN) : caller,
								marker());
				MockHttpServletResponse response = call(row, persona, caller, fresh, failures);
				if (response != null) {
					judge(row, persona, null, null, response, row.allows(persona), failures);
				}
				continue;
			}
			for (Relation relation : Relation.values()) {
				Target target = row.fixture.plant(this.world, this.world.owner(persona, relation), marker());
				MockHttpServletResponse response = call(row, persona, caller, target, failures);
				boolean allowed = persona != Persona.ANONYMOUS && row.allows(persona, relation);
				if (response != null) {
					judge(row, persona, relation, target, response, allowed, failures);
				}
			}
		}
		assertThat(failures).as(row.key()).isEmpty();
	}

	static String marker() {
		return "mx" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
	}

	/** The account that calls: the persona's, or a fresh one for rows that call {@code as} one; null for anonymous. */
	Account caller(Endpoint row, Persona persona) {
		if (persona == Persona.ANONYMOUS) {
			return null;
		}
		return row.caller == null ? this.world.account(persona) : row.caller.create(this.world, persona);
	}

	/** The answer, or null (and a failure) when the request threw instead of answering. */
	MockHttpServletResponse call(Endpoint row, Persona persona, Account caller, Target target, List<String> failures) {
		String uri = row.uri.apply(target);
		AbstractMockHttpServletRequestBuilder<?> request = row.file == null
				? MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method), uri)
				: MockMvcRequestBuilders.multipart(HttpMethod.valueOf(row.method), uri).file(row.file);
		request = row.body.apply(request, target);
		row.headers.forEach(request::header);
		if (uri.startsWith("/api/")) {
			request.accept(MediaType.APPLICATION_JSON);
		}
		if (!"GET".equals(row.method)) {
			request.with(csrf());
		}
		request.with(caller == null ? anonymous() : user(userDetails(persona, caller)));
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			failures.add(row.key() + " as " + persona + " on " + uri + ": threw " + ex);
			return null;
		}
	}

	UserDetails userDetails(Persona persona, Account caller) {
		return caller.id() == this.world.account(persona).id() ? this.signedIn.get(persona)
				: this.userDetails.loadUserByUsername(caller.email());
	}

	void judge(Endpoint row, Persona persona, Relation relation, Target target, MockHttpServletResponse response,
			boolean allowed, List<String> failures) throws Exception {
		int status = response.getStatus();
		String location = response.getHeader("Location");
		boolean toSignIn = status == 401 || (status == 302 && location != null && location.endsWith("/login"));
		boolean success = (status >= 200 && status < 300) || (status >= 300 && status < 400 && !toSignIn);
		String body = response.getContentAsString();
		String what = row.key() + " as " + persona + (relation == null ? "" : " on " + relation + " record") + ": ";
		Integer answer = row.answers.get(persona);
		if (answer != null) {
			// The persona may call, but a rule other than authorization decides the answer.
			if (status != answer) {
				failures.add(what + "expected " + answer + " (" + row.answerReasons.get(persona) + "), got " + status);
			}
			return;
		}
		if (allowed) {
			if (!success) {
				failures.add(what + "expected success, got " + status);
			}
			// A redirect to the record (a notification opening its link, say) shows it as well.
			else if (target != null && "GET".equals(row.method) && !body.contains(target.marker())
					&& (location == null || !location.contains(target.marker()))) {
				failures.add(what + "succeeded but does not show the record (marker " + target.marker() + ")");
			}
			return;
		}
		if (persona == Persona.ANONYMOUS) {
			if (!toSignIn) {
				failures.add(what + "expected 401 or the sign-in page, got " + status);
			}
		}
		else if (row.shape == Shape.LIST) {
			if (!(status == 403 || status == 404 || (status >= 200 && status < 300))) {
				failures.add(what + "expected 403, 404 or a list without the record, got " + status);
			}
		}
		else if (status != 403 && status != 404) {
			failures.add(what + "expected 403 or 404, got " + status);
		}
		if (target != null) {
			if (body.contains(target.marker()) || (location != null && location.contains(target.marker()))) {
				failures.add(what + "leaks the record (marker " + target.marker() + " in the answer)");
			}
			String change = row.fixture.unexpectedChange(this.world, target);
			if (change != null) {
				failures.add(what + "changed the record: " + change);
			}
		}
	}

	/** The accounts of this run: one per persona, plus the owners of the foreign records. */
	static final class MatrixWorld implements Matrix.World {

		private final JdbcClient jdbc;

		private final Map<Persona, Account> accounts = new EnumMap<>(Persona.class);

		private final Account peer;

		private final Account otherDepartment;

		private final Account otherInstitution;

		private final TestInstitution university;

		MatrixWorld(JdbcClient jdbc) {
			this.jdbc = jdbc;
			this.university = aUniversity().withDepartment("CS").withDepartment("BUS").build(jdbc);
			for (Persona persona : Persona.SIGNED_IN) {
				this.accounts.put(persona, fresh(persona));
			}
			this.peer = this.university.aMentee().inDepartment("CS").create(jdbc);
			this.otherDepartment = this.university.aMentee().inDepartment("BUS").create(jdbc);
			this.otherInstitution = aCompany().withDepartment("ENGR").build(jdbc).aMentee().inDepartment("ENGR").create(jdbc);
		}

		@Override
		public Account account(Persona persona) {
			return this.accounts.get(persona);
		}

		@Override
		public Account owner(Persona caller, Relation relation) {
			return switch (relation) {
				case OWN -> caller == Persona.ANONYMOUS ? this.peer : this.accounts.get(caller);
				case OTHER_USER -> this.peer;
				case OTHER_DEPARTMENT -> this.otherDepartment;
				case OTHER_INSTITUTION -> this.otherInstitution;
			};
		}

		@Override
		public JdbcClient jdbc() {
			return this.jdbc;
		}

		@Override
		public TestInstitution university() {
			return this.university;
		}

		@Override
		public Account fresh(Persona persona) {
			return switch (persona) {
				case PLATFORM_ADMIN -> TestAccounts.create(this.jdbc, null, null, RoleName.PLATFORM_ADMIN);
				case ADMIN -> this.university.anAdmin().create(this.jdbc);
				case COORDINATOR -> this.university.aCoordinator().inDepartment("CS").create(this.jdbc);
				case MENTOR -> this.university.aMentor().inDepartment("CS").create(this.jdbc);
				case MENTEE -> this.university.aMentee().inDepartment("CS").create(this.jdbc);
				case NEW_MOTHER -> this.university.a(RoleName.NEW_MOTHER).inDepartment("CS").create(this.jdbc);
				case ANONYMOUS -> null;
			};
		}

	}

}
