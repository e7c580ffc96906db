package org.mentorhub.profile;

import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * profile's aggregates for reports: onboarding and mentor capacity over the active accounts of an
 * institution or one of its departments, in one statement.
 */
@Service
@Transactional(readOnly = true)
public class ProfileStatistics {

	private final JdbcClient jdbc;

	ProfileStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Onboarding and capacity in a scope.
	 * @param onboardingCompleted active accounts that finished onboarding
	 * @param mentors active mentors with a mentor profile that takes mentees (capacity above zero)
	 * @param mentorsAtCapacity those of them whose places are all taken
	 */
	public record Participation(long onboardingCompleted, long mentors, long mentorsAtCapacity) {
	}

	/** Onboarding completed and mentors at capacity, now, in the scope. */
	public Participation participation(Scope scope) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM user_profiles up JOIN identity_people p ON p.id = up.user_id
				        WHERE p.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				          AND p.status = 'ACTIVE' AND up.onboarding_status = 'COMPLETED') AS onboarding_completed,
				       (SELECT COUNT(*) FROM mentor_profiles mp JOIN identity_people p ON p.id = mp.user_id
				        WHERE p.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				          AND p.status = 'ACTIVE' AND mp.max_mentees > 0) AS mentors,
				       (SELECT COUNT(*) FROM mentor_profiles mp JOIN identity_people p ON p.id = mp.user_id
				        WHERE p.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				          AND p.status = 'ACTIVE' AND mp.max_mentees > 0
				          AND mp.current_mentee_count >= mp.max_mentees) AS mentors_at_capacity""")
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.query(Participation.class)
			.single();
	}

}
