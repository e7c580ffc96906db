package org.mentorhub.identity;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Object Mother for accounts in integration tests: each gets a unique e-mail and username, so tests
 * that share one database never collide.
 * <pre>
 * TestAccounts.Account ann = TestAccounts.anAccount(jdbc).withPassword("violet kettle 42").create();
 * </pre>
 */
public final class TestAccounts {

	private final JdbcClient jdbc;

	private String password = "a perfectly good passphrase";

	private String status = "ACTIVE";

	private String role = "MENTEE";

	private String institutionCode = "NBU";

	private String prefix = "person";

	private TestAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new active mentee of Northbridge University with a fixed, policy-conforming password. */
	public static TestAccounts anAccount(JdbcClient jdbc) {
		return new TestAccounts(jdbc);
	}

	/** An account as created, with the password in clear for signing in. */
	public record Account(long id, String username, String email, String password, long institutionId) {
	}

	public TestAccounts withPassword(String password) {
		this.password = password;
		return this;
	}

	public TestAccounts withStatus(String status) {
		this.status = status;
		return this;
	}

	public TestAccounts withRole(String role) {
		this.role = role;
		return this;
	}

	public TestAccounts inInstitution(String code) {
		this.institutionCode = code;
		return this;
	}

	/** The start of the e-mail address and username, to recognise the account in failures. */
	public TestAccounts named(String prefix) {
		this.prefix = prefix;
		return this;
	}

	public Account create() {
		String username = this.prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@" + this.institutionCode.toLowerCase(java.util.Locale.ROOT) + ".test";
		long roleId = this.jdbc.sql("SELECT id FROM roles WHERE name = :name")
			.param("name", this.role)
			.query(Long.class)
			.single();
		long institutionId = this.jdbc.sql("SELECT id FROM institutions WHERE code = :code")
			.param("code", this.institutionCode)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO users (institution_id, primary_role_id, username, email, full_name, password_hash, status)
				VALUES (:institution, :role, :username, :email, :name, :hash, :status)""")
			.param("institution", institutionId)
			.param("role", roleId)
			.param("username", username)
			.param("email", email)
			.param("name", "Test " + this.prefix)
			.param("hash", new PasswordHashing().encode(this.password))
			.param("status", this.status)
			.update();
		long id = this.jdbc.sql("SELECT id FROM users WHERE email = :email").param("email", email).query(Long.class).single();
		this.jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:user, :role)")
			.param("user", id)
			.param("role", roleId)
			.update();
		return new Account(id, username, email, this.password, institutionId);
	}

}
