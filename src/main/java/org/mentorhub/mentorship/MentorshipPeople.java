package org.mentorhub.mentorship;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.mentorhub.identity.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts about people that the life cycle needs (name, e-mail, institution, department, roles,
 * mentor profile): single people through identity's {@link People} facade, lists sorted by name from
 * the views that identity, organization and profile publish (ADR 0003). Nothing here writes.
 */
@Component
class MentorshipPeople {

	private final JdbcClient jdbc;

	private final People people;

	MentorshipPeople(JdbcClient jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
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
		return this.people.find(id)
			.filter(org.mentorhub.identity.Person::active)
			.map(p -> new Person(p.id(), p.fullName(), p.email(), p.institutionId(), p.departmentId(),
					p.roles().stream().map(Enum::name).collect(Collectors.toCollection(HashSet::new))));
	}

	Map<Long, String> names(Collection<Long> ids) {
		return this.people.names(ids);
	}

	/** The institution's active mentors who take new mentees, by name. */
	List<MentorOption> mentorsOf(long institutionId) {
		return this.jdbc.sql("""
				SELECT u.id, u.full_name, d.name, mp.max_mentees - mp.current_mentee_count
				FROM identity_people u JOIN profile_mentor_capacities mp ON mp.user_id = u.id
				LEFT JOIN organization_departments d ON d.id = u.department_id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND mp.accepting_new_mentees = TRUE
				  AND EXISTS (SELECT 1 FROM identity_person_roles pr WHERE pr.user_id = u.id AND pr.role = 'MENTOR')
				ORDER BY u.full_name LIMIT 500""")
			.param("i", institutionId)
			.query((rs, n) -> new MentorOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** The people of the institution (or department) who can be mentored, for the proposal form. */
	List<MentorOption> menteesOf(long institutionId, Long departmentId) {
		return this.jdbc.sql("""
				SELECT u.id, u.full_name, d.name, 0 FROM identity_people u
				LEFT JOIN organization_departments d ON d.id = u.department_id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND (:d IS NULL OR u.department_id = :d)
				  AND EXISTS (SELECT 1 FROM identity_person_roles pr WHERE pr.user_id = u.id
				              AND pr.role IN ('MENTEE', 'NEW_MOTHER'))
				ORDER BY u.full_name LIMIT 500""")
			.param("i", institutionId)
			.param("d", departmentId, java.sql.Types.BIGINT)
			.query((rs, n) -> new MentorOption(rs.getLong(1), rs.getString(2), rs.getString(3), 0))
			.list();
	}

}
