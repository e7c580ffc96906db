package org.mentorhub;

import java.util.Locale;
import java.util.UUID;

import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Fresh, active accounts for tests that must not share state (rate-limit budgets, tokens, counts)
 * with the demo users. The password is the demo password, {@code mentorhub-demo}.
 */
public final class TestAccounts {

	private TestAccounts() {
	}

	/** A created account. */
	public record Account(long id, String email, Long institutionId, Long departmentId, RoleName role) {
	}

	/**
	 * Creates an active account.
	 * @param institutionCode the institution's code (NBU, ACME), or null for a platform administrator
	 * @param departmentCode the department's code in that institution (CS, BUS, ENGR, ...), or null
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
		long roleId = jdbc.sql("SELECT id FROM roles WHERE name = :name").param("name", role.name()).query(Long.class).single();
		String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = 'admin@northbridge.demo'")
			.query(String.class)
			.single();
		String suffix = UUID.randomUUID().toString().substring(0, 10);
		String username = "t-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + suffix;
		String email = username + "@" + (institutionCode == null ? "platform" : institutionCode.toLowerCase(Locale.ROOT))
				+ ".test";
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, full_name, "
				+ "password_hash, status) VALUES (:i, :d, :r, :u, :e, :n, :h, 'ACTIVE')")
			.param("i", institution)
			.param("d", department)
			.param("r", roleId)
			.param("u", username)
			.param("e", email)
			.param("n", "Test " + role.label() + " " + suffix)
			.param("h", hash)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)").param("u", id).param("r", roleId).update();
		return new Account(id, email, institution, department, role);
	}

}
