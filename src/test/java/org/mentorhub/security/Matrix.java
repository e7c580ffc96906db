package org.mentorhub.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The authorization matrix as data (QUALITY S8): one {@link Endpoint} row per handler method,
 * saying who may call it and, for endpoints that show or change a record, on whose records.
 * Everything a row does not allow must be refused: 401 or the sign-in page for anonymous callers,
 * 403 or 404 for everyone else (a list may instead answer without the record), and the response
 * must not contain the record's marker. {@link AuthorizationMatrixIntegrationTests} runs every row
 * for every {@link Persona} and every {@link Relation}, and fails on a handler without a row.
 *
 * <p>Modules add rows by implementing {@link Rows} in a public class anywhere under
 * {@code org.mentorhub} in the test sources (see {@code docs/security-matrix.md}).
 */
public final class Matrix {

	private Matrix() {
	}

	/** Who calls. Every signed-in persona is a fresh account of that role, in the run's own university's CS department. */
	public enum Persona {

		PLATFORM_ADMIN, ADMIN, COORDINATOR, MENTOR, MENTEE, NEW_MOTHER, ANONYMOUS;

		/** Every persona that is signed in. */
		public static final Set<Persona> SIGNED_IN = EnumSet.range(PLATFORM_ADMIN, NEW_MOTHER);

		/** Every persona, anonymous too. */
		public static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);

	}

	/** Whose record the request is about, seen from the caller. */
	public enum Relation {

		/** The caller's own record (for the platform administrator: a record of no institution). */
		OWN,
		/** Another user's record, in the caller's institution and department. */
		OTHER_USER,
		/** A record of another department of the caller's institution. */
		OTHER_DEPARTMENT,
		/** A record of another institution. */
		OTHER_INSTITUTION

	}

	/** The accounts of one matrix run, and the database for planting records. */
	public interface World {

		/** The persona's account; null for {@link Persona#ANONYMOUS}. */
		Account account(Persona persona);

		/** The owner of the record that stands in the given relation to the caller. */
		Account owner(Persona caller, Relation relation);

		JdbcClient jdbc();

		/**
		 * The fresh university of this run (departments CS and BUS): every signed-in persona but the
		 * platform administrator belongs to it.
		 */
		TestInstitution university();

		/** A new account of the role in the university's CS department, a stranger to every persona. */
		default Account stranger(RoleName role) {
			return university().a(role).inDepartment("CS").create(jdbc());
		}

		/**
		 * A new account like the persona's (same role, institution and department), for a call that
		 * changes the caller's own account; null for {@link Persona#ANONYMOUS}.
		 */
		Account fresh(Persona persona);

	}

	/**
	 * A planted record.
	 * @param id what goes into the path variable (or query) to address it
	 * @param marker a unique text that shows in the record's representation, and nowhere else
	 */
	public record Target(String id, String marker) {
	}

	/** Plants a record owned by an account, for rows about records. */
	@FunctionalInterface
	public interface Fixture {

		/** Creates a record owned by {@code owner} whose representation contains {@code marker}. */
		Target plant(World world, Account owner, String marker);

		/**
		 * After a refused request: what changed on the record that should not have, or null. A row
		 * whose requests write should say how to tell.
		 */
		default String unexpectedChange(World world, Target target) {
			return null;
		}

	}

	/**
	 * Makes the account that calls in place of the persona's, once per row and persona: for rows whose
	 * call changes the caller's own account (a password, say), which must not change the shared
	 * persona, or that need a caller of another kind of institution.
	 */
	@FunctionalInterface
	public interface Caller {

		/** The account to call as, for a signed-in persona. */
		Account create(World world, Persona persona);

	}

	/** Supplies matrix rows; implementations need a public no-argument constructor. */
	public interface Rows {

		List<Endpoint> rows();

	}

	/** What kind of answer a row is about. */
	enum Shape {

		/** No record involved: only who may call. */
		PLAIN,
		/** The path addresses one record: refused callers get 403 or 404. */
		ITEM,
		/** The answer lists records: refused callers get 403, 404, or a list without the record. */
		LIST

	}

	/** One row of the matrix: a handler (method and path pattern) and what it allows. */
	public static final class Endpoint {

		final String method;

		final String pattern;

		Shape shape = Shape.PLAIN;

		Fixture fixture;

		Function<Target, String> uri;

		BiFunction<AbstractMockHttpServletRequestBuilder<?>, Target, AbstractMockHttpServletRequestBuilder<?>> body = (request,
				target) -> request;

		MockMultipartFile file;

		final Map<String, String> headers = new LinkedHashMap<>();

		Caller caller;

		final Map<Persona, Set<Relation>> allowed = new EnumMap<>(Persona.class);

		final Map<Persona, Integer> answers = new EnumMap<>(Persona.class);

		final Map<Persona, String> answerReasons = new EnumMap<>(Persona.class);

		String exemptReason;

		private Endpoint(String method, String pattern) {
			this.method = method;
			this.pattern = pattern;
			this.uri = target -> pattern.replaceAll("\\{[^}]+}", target == null ? "0" : target.id());
		}

		public static Endpoint get(String pattern) {
			return new Endpoint("GET", pattern);
		}

		public static Endpoint post(String pattern) {
			return new Endpoint("POST", pattern);
		}

		public static Endpoint put(String pattern) {
			return new Endpoint("PUT", pattern);
		}

		public static Endpoint patch(String pattern) {
			return new Endpoint("PATCH", pattern);
		}

		public static Endpoint delete(String pattern) {
			return new Endpoint("DELETE", pattern);
		}

		/**
		 * A handler the matrix cannot call meaningfully (such as the error page); the reason is
		 * required and shows in the test report. Use sparingly.
		 * @param method the HTTP method, or {@code *} for a handler that accepts any
		 */
		public static Endpoint exempt(String method, String pattern, String reason) {
			Endpoint endpoint = new Endpoint(method, pattern);
			endpoint.exemptReason = reason;
			return endpoint;
		}

		/** The path addresses one record of this kind ({@code {id}} is replaced by its id). */
		public Endpoint on(Fixture fixture) {
			this.shape = Shape.ITEM;
			this.fixture = fixture;
			return this;
		}

		/**
		 * Each call first plants a fresh record of this kind (owned by the caller, or by another user
		 * for anonymous callers), which {@link #uri} and the body may use: for public endpoints that
		 * take a single-use token, say. Who may call is decided per persona, as for rows without
		 * records.
		 */
		public Endpoint with(Fixture fixture) {
			this.shape = Shape.PLAIN;
			this.fixture = fixture;
			return this;
		}

		/** The answer lists records of this kind. */
		public Endpoint lists(Fixture fixture) {
			this.shape = Shape.LIST;
			this.fixture = fixture;
			return this;
		}

		/** How to build the request URI for a planted record (default: the pattern with {@code {id}} filled). */
		public Endpoint uri(Function<Target, String> uri) {
			this.uri = uri;
			return this;
		}

		/** Sends this JSON body. */
		public Endpoint json(String json) {
			return json(target -> json);
		}

		/** Sends a JSON body made for the planted record (null for rows without one). */
		public Endpoint json(Function<Target, String> json) {
			this.body = (request, target) -> request.contentType(MediaType.APPLICATION_JSON).content(json.apply(target));
			return this;
		}

		/** Sends these form fields: name, value, name, value, ... */
		public Endpoint form(String... namesAndValues) {
			return form(target -> namesAndValues);
		}

		/** Sends form fields (name, value, name, value, ...) made for the planted record. */
		public Endpoint form(Function<Target, String[]> fields) {
			this.body = (request, target) -> {
				String[] namesAndValues = fields.apply(target);
				for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
					request.param(namesAndValues[i], namesAndValues[i + 1]);
				}
				return request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
			};
			return this;
		}

		/** Sends this file as a multipart request (an upload). */
		public Endpoint file(MockMultipartFile file) {
			this.file = file;
			return this;
		}

		/** Sends this request header as well (e.g. {@code HX-Request} for the htmx answer of a page). */
		public Endpoint header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Calls as an account made for this row and persona instead of the persona's shared one, for
		 * rows whose call changes the caller's own account. The relations of rows about records stay
		 * those of the persona.
		 */
		public Endpoint as(Caller caller) {
			this.caller = caller;
			return this;
		}

		/** Calls as a fresh account like the persona's (same role, institution and department). */
		public Endpoint asFreshAccount() {
			return as(World::fresh);
		}

		/**
		 * The persona may call, but a rule other than authorization answers with this status (a
		 * feature that does not apply to them, say). Only for rows without records; the reason is
		 * required and says why.
		 */
		public Endpoint answers(Persona persona, int status, String reason) {
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("Say why " + persona + " gets " + status + " from " + key());
			}
			this.answers.put(persona, status);
			this.answerReasons.put(persona, reason);
			return this;
		}

		/**
		 * Allows the personas to call; for a row about records, only on records in the given
		 * relations (nothing else is allowed: deny by default).
		 */
		public Endpoint allow(Set<Persona> personas, Relation... relations) {
			for (Persona persona : personas) {
				this.allowed.computeIfAbsent(persona, p -> EnumSet.noneOf(Relation.class))
					.addAll(Arrays.asList(relations));
			}
			return this;
		}

		public Endpoint allow(Persona persona, Relation... relations) {
			return allow(EnumSet.of(persona), relations);
		}

		boolean allows(Persona persona) {
			return this.allowed.containsKey(persona);
		}

		boolean allows(Persona persona, Relation relation) {
			return this.allowed.getOrDefault(persona, Set.of()).contains(relation);
		}

		boolean isExempt() {
			return this.exemptReason != null;
		}

		/** The handler this row covers, as {@code METHOD pattern}. */
		String key() {
			return this.method + " " + this.pattern;
		}

		@Override
		public String toString() {
			return key();
		}

	}

	/** Rows of several providers, in one list. */
	static List<Endpoint> all(List<Rows> providers) {
		List<Endpoint> rows = new ArrayList<>();
		providers.forEach(provider -> rows.addAll(provider.rows()));
		return rows;
	}

}
