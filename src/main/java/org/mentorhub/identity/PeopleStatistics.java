package org.mentorhub.identity;

import java.util.List;

import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * identity's aggregates for reports: counts of active accounts in an institution or one of its
 * departments, computed in one grouped statement. Nothing here names a person.
 */
@Service
@Transactional(readOnly = true)
public class PeopleStatistics {

	private final JdbcClient jdbc;

	PeopleStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many active accounts of the scope hold a role (an account with two roles counts under both). */
	public record RoleCount(RoleName role, long people) {
	}

	/** Active accounts per role in the scope, by role name. */
	public List<RoleCount> peopleByRole(Scope scope) {
		return this.jdbc.sql("""
				SELECT pr.role AS role, COUNT(*) AS people
				FROM identity_person_roles pr JOIN users u ON u.id = pr.user_id
				WHERE u.institution_id = :institution AND (:department = 0 OR u.department_id = :department)
				  AND u.status = 'ACTIVE'
				GROUP BY pr.role ORDER BY pr.role""")
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.query(RoleCount.class)
			.list();
	}

}
