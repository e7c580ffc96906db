package org.mentorhub.mentorship;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts about people that the life cycle needs (name, e-mail, institution, department, roles,
 * mentor profile), read with plain queries: a read model over the identity and profile tables, as
 * ADR 0002 allows for reads. Nothing here writes.
 */
@Component
class MentorshipPeople {

	private final JdbcClient jdbc;

	MentorshipPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One active account. */
	record Person(long id, String fullName, String email, Long institutionId, Long departmentId, Set<String> roles) {

		boolean is(String role) {
			return this.roles.contains(role);
		}

	}

	/** A mentor to choose from, with free places. */
	record MentorOption(long id, String fullName, String departmentName, int freePlaces) {
	}

	Optional<Person> find(long id) {
		Optional<Person> person = this.jdbc.sql("""
				SELECT id, full_name, email, institution_id, department_id FROM users
				WHERE id = :id AND status = 'ACTIVE'""")
			.param("id", id)
			.query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
					(Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class), new HashSet<>()))
			.optional();
		person.ifPresent(p -> p.roles()
			.addAll(this.jdbc.sql("""
					SELECT r.name FROM roles r WHERE r.id IN (SELECT role_id FROM user_roles WHERE user_id = :id)
					   OR r.id = (SELECT primary_role_id FROM users WHERE id = :id)""")
				.param("id", id)
				.query(String.class)
				.list()));
		return person;
	}

	Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, full_name FROM users WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	/** The institution's active mentors who take new mentees, by name. */
	List<MentorOption> mentorsOf(long institutionId) {
		return this.jdbc.sql("""
				SELECT u.id, u.full_name, d.name, mp.max_mentees - mp.current_mentee_count
				FROM users u JOIN mentor_profiles mp ON mp.user_id = u.id
				LEFT JOIN departments d ON d.id = u.department_id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND mp.accepting_new_mentees = TRUE
				  AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
				              WHERE ur.user_id = u.id AND r.name = 'MENTOR')
				ORDER BY u.full_name LIMIT 500""")
			.param("i", institutionId)
			.query((rs, n) -> new MentorOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** The people of the institution (or department) who can be mentored, for the proposal form. */
	List<MentorOption> menteesOf(long institutionId, Long departmentId) {
		return this.jdbc.sql("""
				SELECT u.id, u.full_name, d.name, 0 FROM users u LEFT JOIN departments d ON d.id = u.department_id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND (:d IS NULL OR u.department_id = :d)
				  AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
				              WHERE ur.user_id = u.id AND r.name IN ('MENTEE', 'NEW_MOTHER'))
				ORDER BY u.full_name LIMIT 500""")
			.param("i", institutionId)
			.param("d", departmentId, java.sql.Types.BIGINT)
			.query((rs, n) -> new MentorOption(rs.getLong(1), rs.getString(2), rs.getString(3), 0))
			.list();
	}

}
