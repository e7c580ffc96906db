package org.mentorhub;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.identity.PasswordHashing;
import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Fresh, active accounts for tests that must not share state (rate-limit budgets, tokens, counts)
 * with other tests: the one place tests insert accounts. Build them in a fresh institution with
 * {@link TestInstitutions} ({@code aUniversity().build(jdbc).aMentor().create(jdbc)}), or with
 * {@link #anAccount(RoleName)}. The default password is the demo password, {@code mentorhub-demo}.
 */
public final class TestAccounts {

	/** The default password of test accounts. */
	public static final String PASSWORD = "mentorhub-demo";

	/** argon2id costs ~50 ms a hash: one per password for the whole test run. */
	private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

	private TestAccounts() {
	}

	/** A created account. */
	public record Account(long id, String email, Long institutionId, Long departmentId, RoleName role) {

		/** The account's username (the e-mail's local part). */
		public String username() {
			return this.email.substring(0, this.email.indexOf('@'));
		}

	}

	/** A builder for a new account with this role, unique e-mail and username, and no institution yet. */
	public static Builder anAccount(RoleName role) {
		return new Builder(role);
	}

	/**
	 * Creates an active account in an institution found by code.
	 * @param institutionCode the institution's code, or null for a platform administrator
	 * @param departmentCode the department's code in that institution, or null
	 */
	public static Account create(JdbcClient jdbc, String institutionCode, String departmentCode, RoleName role) {
		Long institution = institutionCode == null ? null
				: jdbc.sql("SELECT id FROM institutions WHERE code = :code")
					.param("code", institutionCode)
					.query(Long.class)
					.single();
		Long department = departmentCode == null ? null
				: jdbc.sql("SELECT id FROM departments WHERE institution_id = :i AND code = :code")
					.param("i", institution)
					.param("code", departmentCode)
					.query(Long.class)
					.single();
		return anAccount(role).in(institution, department)
			.withEmailDomain(institutionCode == null ? "platform.test"
					: institutionCode.toLowerCase(Locale.ROOT) + ".test")
			.create(jdbc);
	}

	/** Grants the account a further role besides its primary one (a new mother who is also a mentee). */
	public static void grant(JdbcClient jdbc, Account account, RoleName role) {
		jdbc.sql("INSERT INTO user_roles (user_id, role_id) SELECT :u, id FROM roles WHERE name = :name")
			.param("u", account.id())
			.param("name", role.name())
			.update();
	}

	/** The argon2id hash of a password, computed once per test run. */
	public static String hash(String password) {
		return HASHES.computeIfAbsent(password, p -> new PasswordHashing().encode(p));
	}

	/** A new account; every field has a working default. */
	public static final class Builder {

		private final RoleName role;

		private Long institutionId;

		private Long departmentId;

		private String email;

		private String emailDomain = "mentorhub.test";

		private String username;

		private String fullName;

		private String password = PASSWORD;

		private String passwordHash;

		private String status = "ACTIVE";

		private String timeZone = "UTC";

		private Builder(RoleName role) {
			this.role = role;
		}

		public Builder in(Long institutionId, Long departmentId) {
			this.institutionId = institutionId;
			this.departmentId = departmentId;
			return this;
		}

		public Builder withEmail(String email) {
			this.email = email;
			return this;
		}

		public Builder withEmailDomain(String domain) {
			this.emailDomain = domain;
			return this;
		}

		public Builder withUsername(String username) {
			this.username = username;
			return this;
		}

		public Builder named(String fullName) {
			this.fullName = fullName;
			return this;
		}

		public Builder withPassword(String password) {
			this.password = password;
			return this;
		}

		/** A stored hash as given (an older scheme, say), instead of the password's argon2id hash. */
		public Builder withPasswordHash(String hash) {
			this.passwordHash = hash;
			return this;
		}

		public Builder withStatus(String status) {
			this.status = status;
			return this;
		}

		public Builder withTimeZone(String zone) {
			this.timeZone = zone;
			return this;
		}

		public Account create(JdbcClient jdbc) {
			long roleId = jdbc.sql("SELECT id FROM roles WHERE name = :name")
				.param("name", this.role.name())
				.query(Long.class)
				.single();
			String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			String username = this.username != null ? this.username
					: "t-" + this.role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + suffix;
			String email = this.email != null ? this.email : username + "@" + this.emailDomain;
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, full_name, "
					+ "password_hash, status, time_zone) VALUES (:i, :d, :r, :u, :e, :n, :h, :s, :z)")
				.param("i", this.institutionId)
				.param("d", this.departmentId)
				.param("r", roleId)
				.param("u", username)
				.param("e", email)
				.param("n", this.fullName != null ? this.fullName : "Test " + this.role.label() + " " + suffix)
				.param("h", this.passwordHash != null ? this.passwordHash : hash(this.password))
				.param("s", this.status)
				.param("z", this.timeZone)
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)").param("u", id).param("r", roleId).update();
			return new Account(id, email, this.institutionId, this.departmentId, this.role);
		}

	}

}
