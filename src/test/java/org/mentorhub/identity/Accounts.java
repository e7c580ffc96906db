package org.mentorhub.identity;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestInstitutions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * Test data for the account life cycle: fresh accounts and institutions with unique names (the
 * test database is shared by every test class), the mail they received in the outbox, and
 * signed-in browser sessions (Spring Session cookies).
 */
public final class Accounts {

	private Accounts() {
	}

	/** A random private IP address, so that tests sharing one database do not share IP throttle counters. */
	public static String randomIp() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/** A short unique suffix. */
	public static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A builder for a new account. */
	public static AccountBuilder anAccount() {
		return new AccountBuilder();
	}

	/** A builder for a new institution. */
	public static InstitutionBuilder anInstitution() {
		return new InstitutionBuilder();
	}

	public static final class AccountBuilder {

		/** The institution's code; null for a fresh university of the account's own (with a CS department). */
		private String institutionCode;

		private String email = "person-" + unique() + "@mentorhub.test";

		private String password = "quiet harbour lantern 42";

		private String status = "ACTIVE";

		private String role = "MENTEE";

		private String fullName = "Test Person";

		public AccountBuilder in(String code) {
			this.institutionCode = code;
			return this;
		}

		public AccountBuilder withEmail(String email) {
			this.email = email;
			return this;
		}

		public AccountBuilder withPassword(String password) {
			this.password = password;
			return this;
		}

		public AccountBuilder withStatus(String status) {
			this.status = status;
			return this;
		}

		public AccountBuilder withRole(String role) {
			this.role = role;
			return this;
		}

		public AccountBuilder named(String fullName) {
			this.fullName = fullName;
			return this;
		}

		/** Inserts the account; returns its e-mail address. */
		public String create(JdbcClient jdbc) {
			long institution = this.institutionCode == null
					? TestInstitutions.aUniversity().withDepartment("CS", "Computer Science").build(jdbc).id()
					: jdbc.sql("SELECT id FROM institutions WHERE code = :c")
						.param("c", this.institutionCode)
						.query(Long.class)
						.single();
			return TestAccounts.anAccount(RoleName.valueOf(this.role))
				.in(institution, null)
				.withUsername("u" + unique())
				.withEmail(this.email)
				.named(this.fullName)
				.withPassword(this.password)
				.withStatus(this.status)
				.create(jdbc)
				.email();
		}

	}

	/** A fresh university in Europe/Berlin (see {@link TestInstitutions}), identified by its code. */
	public static final class InstitutionBuilder {

		private final TestInstitutions.Builder institution = TestInstitutions.aUniversity().withTimeZone("Europe/Berlin");

		public InstitutionBuilder allowingRegistrationFrom(String domains) {
			this.institution.allowingRegistrationFrom(domains);
			return this;
		}

		public InstitutionBuilder withRegistrationOffButDomains(String domains) {
			this.institution.withRegistrationOffButDomains(domains);
			return this;
		}

		public InstitutionBuilder withSecurityQuestion() {
			this.institution.withSecurityQuestion();
			return this;
		}

		/** Inserts the institution; returns its code. */
		public String create(JdbcClient jdbc) {
			return this.institution.build(jdbc).code();
		}

	}

	public static long userId(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(Long.class).single();
	}

	public static String column(JdbcClient jdbc, String column, String email) {
		List<String> values = jdbc.sql("SELECT " + column + " FROM users WHERE email = :e")
			.param("e", email)
			.query(String.class)
			.list();
		assertThat(values).as("one user with e-mail " + email).hasSize(1);
		return values.get(0);
	}

	public static long count(JdbcClient jdbc, String sql, Object... params) {
		var statement = jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

	/** The mail (plain text) sent to the address, newest first. */
	public static List<String> mailTo(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = :to ORDER BY id DESC")
			.param("to", email)
			.query(String.class)
			.list();
	}

	/** The subjects of the mail sent to the address, newest first. */
	public static List<String> subjectsTo(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT subject FROM outbox_mails WHERE recipient = :to ORDER BY id DESC")
			.param("to", email)
			.query(String.class)
			.list();
	}

	/** The token of the newest link to {@code path} mailed to the address. */
	public static String tokenMailedTo(JdbcClient jdbc, String email, String path) {
		for (String body : mailTo(jdbc, email)) {
			String token = tokenIn(body, path);
			if (token != null) {
				return token;
			}
		}
		throw new AssertionError("No mail to " + email + " with a link to " + path);
	}

	/** The token of the link to {@code path} in a mail body, or null. */
	public static String tokenIn(String body, String path) {
		Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The actions audited for the user, newest first. */
	public static List<String> auditedActions(JdbcClient jdbc, long userId) {
		return jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'users' AND entity_id = :id ORDER BY id DESC")
			.param("id", String.valueOf(userId))
			.query(String.class)
			.list();
	}

	/** Signs in through the login form; returns the session cookie of the new session. */
	public static Cookie signIn(MockMvc mvc, String login, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(login).password(password))
			.andExpect(authenticated())
			.andReturn();
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("a session cookie").isNotNull();
		return cookie;
	}

}
