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

	/** The institution's code; null for a fresh university of the account's own (with a CS department). */
	private String institutionCode;

	private String prefix = "person";

	private TestAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new active mentee of a fresh university with a fixed, policy-conforming password. */
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
		String code = this.institutionCode;
		long institutionId;
		if (code == null) {
			org.mentorhub.TestInstitutions.TestInstitution fresh = org.mentorhub.TestInstitutions.aUniversity()
				.withDepartment("CS", "Computer Science")
				.build(this.jdbc);
			code = fresh.code();
			institutionId = fresh.id();
		}
		else {
			institutionId = this.jdbc.sql("SELECT id FROM institutions WHERE code = :code")
				.param("code", code)
				.query(Long.class)
				.single();
		}
		org.mentorhub.TestAccounts.Account account = org.mentorhub.TestAccounts.anAccount(RoleName.valueOf(this.role))
			.in(institutionId, null)
			.withUsername(username)
			.withEmail(username + "@" + code.toLowerCase(java.util.Locale.ROOT) + ".test")
			.named("Test " + this.prefix)
			.withPassword(this.password)
			.withStatus(this.status)
			.create(this.jdbc);
		return new Account(account.id(), username, account.email(), this.password, institutionId);
	}

}
