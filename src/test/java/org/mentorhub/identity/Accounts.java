package org.mentorhub.identity;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

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
final class Accounts {

	private Accounts() {
	}

	/** A short unique suffix. */
	static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A builder for a new account. */
	static AccountBuilder anAccount() {
		return new AccountBuilder();
	}

	/** A builder for a new institution. */
	static InstitutionBuilder anInstitution() {
		return new InstitutionBuilder();
	}

	static final class AccountBuilder {

		private String institutionCode = "NBU";

		private String email = "person-" + unique() + "@northbridge.demo";

		private String password = "quiet harbour lantern 42";

		private String status = "ACTIVE";

		private String role = "MENTEE";

		private String fullName = "Test Person";

		AccountBuilder in(String code) {
			this.institutionCode = code;
			return this;
		}

		AccountBuilder withEmail(String email) {
			this.email = email;
			return this;
		}

		AccountBuilder withPassword(String password) {
			this.password = password;
			return this;
		}

		AccountBuilder withStatus(String status) {
			this.status = status;
			return this;
		}

		AccountBuilder withRole(String role) {
			this.role = role;
			return this;
		}

		AccountBuilder named(String fullName) {
			this.fullName = fullName;
			return this;
		}

		/** Inserts the account; returns its e-mail address. */
		String create(JdbcClient jdbc) {
			long role = jdbc.sql("SELECT id FROM roles WHERE name = :r").param("r", this.role).query(Long.class).single();
			long institution = jdbc.sql("SELECT id FROM institutions WHERE code = :c")
				.param("c", this.institutionCode)
				.query(Long.class)
				.single();
			jdbc.sql("""
					INSERT INTO users (institution_id, primary_role_id, username, email, full_name, password_hash, status)
					VALUES (:institution, :role, :username, :email, :name, :hash, :status)""")
				.param("institution", institution)
				.param("role", role)
				.param("username", "u" + unique())
				.param("email", this.email)
				.param("name", this.fullName)
				.param("hash", new PasswordHashing().encode(this.password))
				.param("status", this.status)
				.update();
			long id = userId(jdbc, this.email);
			jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)").param("u", id).param("r", role).update();
			return this.email;
		}

	}

	static final class InstitutionBuilder {

		private final String code = "T" + unique().substring(0, 8).toUpperCase(java.util.Locale.ROOT);

		private boolean selfRegistration;

		private String domains;

		private boolean securityQuestion;

		InstitutionBuilder allowingRegistrationFrom(String domains) {
			this.selfRegistration = true;
			this.domains = domains;
			return this;
		}

		InstitutionBuilder withRegistrationOffButDomains(String domains) {
			this.selfRegistration = false;
			this.domains = domains;
			return this;
		}

		InstitutionBuilder withSecurityQuestion() {
			this.securityQuestion = true;
			return this;
		}

		/** Inserts the institution; returns its code. */
		String create(JdbcClient jdbc) {
			jdbc.sql("""
					INSERT INTO institutions (name, code, kind, time_zone, self_registration_enabled,
					                          self_registration_domains, security_question_enabled)
					VALUES (:name, :code, 'UNIVERSITY', 'Europe/Berlin', :reg, :domains, :question)""")
				.param("name", "Test College " + this.code)
				.param("code", this.code)
				.param("reg", this.selfRegistration)
				.param("domains", this.domains)
				.param("question", this.securityQuestion)
				.update();
			return this.code;
		}

	}

	static long userId(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(Long.class).single();
	}

	static String column(JdbcClient jdbc, String column, String email) {
		List<String> values = jdbc.sql("SELECT " + column + " FROM users WHERE email = :e")
			.param("e", email)
			.query(String.class)
			.list();
		assertThat(values).as("one user with e-mail " + email).hasSize(1);
		return values.get(0);
	}

	static long count(JdbcClient jdbc, String sql, Object... params) {
		var statement = jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

	/** The mail (plain text) sent to the address, newest first. */
	static List<String> mailTo(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = :to ORDER BY id DESC")
			.param("to", email)
			.query(String.class)
			.list();
	}

	/** The subjects of the mail sent to the address, newest first. */
	static List<String> subjectsTo(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT subject FROM outbox_mails WHERE recipient = :to ORDER BY id DESC")
			.param("to", email)
			.query(String.class)
			.list();
	}

	/** The token of the newest link to {@code path} mailed to the address. */
	static String tokenMailedTo(JdbcClient jdbc, String email, String path) {
		for (String body : mailTo(jdbc, email)) {
			String token = tokenIn(body, path);
			if (token != null) {
				return token;
			}
		}
		throw new AssertionError("No mail to " + email + " with a link to " + path);
	}

	/** The token of the link to {@code path} in a mail body, or null. */
	static String tokenIn(String body, String path) {
		Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The actions audited for the user, newest first. */
	static List<String> auditedActions(JdbcClient jdbc, long userId) {
		return jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'users' AND entity_id = :id ORDER BY id DESC")
			.param("id", String.valueOf(userId))
			.query(String.class)
			.list();
	}

	/** Signs in through the login form; returns the session cookie of the new session. */
	static Cookie signIn(MockMvc mvc, String login, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(login).password(password))
			.andExpect(authenticated())
			.andReturn();
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("a session cookie").isNotNull();
		return cookie;
	}

}
