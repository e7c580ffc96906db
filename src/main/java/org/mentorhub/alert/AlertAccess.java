package org.mentorhub.alert;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.Profiles;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what with alerts, in one place. Alerts are student data: who may read a student's alerts
 * is who may read their academic record ({@link Profiles#mayReadAcademicRecord}, the one rule), except
 * the student themselves, who sees only the alerts flagged visible to them; an alert's owner and whoever
 * raised it see it too. A mentor raises alerts about their ACTIVE mentees, a coordinator about the
 * students of their department and an administrator about those of their institution; the owner and
 * those managers move a case; only the managers reassign one. Anything out of reach is "not found".
 */
@Component
class AlertAccess {

	/** The signed-in caller, with what the rules need. */
	record Reader(long id, Long institutionId, Long departmentId, boolean admin, boolean coordinator, boolean mentor) {

		/** Whether the reader administers the student's institution or coordinates their department. */
		boolean manages(Long studentInstitution, Long studentDepartment) {
			if (this.institutionId == null || !this.institutionId.equals(studentInstitution)) {
				return false;
			}
			return this.admin
					|| (this.coordinator && this.departmentId != null && this.departmentId.equals(studentDepartment));
		}

		boolean manager() {
			return this.institutionId != null && (this.admin || (this.coordinator && this.departmentId != null));
		}

	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final People people;

	private final Profiles profiles;

	AlertAccess(JdbcClient jdbc, Tenancy tenancy, People people, Profiles profiles) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.people = people;
		this.profiles = profiles;
	}

	Reader reader() {
		Actor actor = this.tenancy.actor();
		return new Reader(actor.id(), actor.institutionId(), actor.departmentId(), this.tenancy.hasRole("ADMIN"),
				this.tenancy.hasRole("COORDINATOR"), this.tenancy.hasRole("MENTOR"));
	}

	People people() {
		return this.people;
	}

	/** Whether the reader may see this alert (see the class comment). */
	boolean maySee(Reader reader, AlertView alert) {
		if (reader.id() == alert.studentId()) {
			return alert.visibleToStudent();
		}
		if ((alert.ownerId() != null && alert.ownerId() == reader.id())
				|| (alert.raisedById() != null && alert.raisedById() == reader.id())) {
			return true;
		}
		return this.profiles.mayReadAcademicRecord(alert.studentId());
	}

	/** Whether the reader may move this case: its owner and the managers of its student. */
	static boolean mayMove(Reader reader, AlertView alert, Person student) {
		if (reader.id() == alert.studentId()) {
			return false;
		}
		return (alert.ownerId() != null && alert.ownerId() == reader.id())
				|| reader.manages(student.institutionId(), student.departmentId());
	}

	/** The student the reader may raise an alert about, or "not found". */
	Person raisable(Reader reader, Long studentId) {
		if (studentId == null) {
			throw new org.mentorhub.platform.InvalidInputException("studentId", "Choose the student.");
		}
		Person student = this.people.find(studentId).orElseThrow(() -> new NotFoundException("Student not found"));
		boolean student0 = student.has(RoleName.MENTEE) || student.has(RoleName.NEW_MOTHER);
		boolean inReach = student.id() != reader.id() && student0
				&& (reader.manages(student.institutionId(), student.departmentId())
						|| (reader.mentor() && isActiveMentor(reader.id(), student.id())));
		if (!inReach) {
			throw new NotFoundException("Student not found");
		}
		return student;
	}

	boolean isActiveMentor(long mentorId, long menteeId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorship_pairs
				WHERE mentor_id = :mentor AND mentee_id = :mentee AND status = 'ACTIVE'""")
			.param("mentor", mentorId)
			.param("mentee", menteeId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Who owns a new alert about each student: their active mentor (the longest-standing one), else a
	 * coordinator of their department, else nobody. Two queries for any number of students.
	 */
	Map<Long, Long> defaultOwners(Collection<Person> students) {
		Map<Long, Long> owners = new HashMap<>();
		if (students.isEmpty()) {
			return owners;
		}
		List<Long> ids = students.stream().map(Person::id).distinct().toList();
		this.jdbc.sql("""
				SELECT mentee_id, mentor_id FROM mentorship_pairs
				WHERE mentee_id IN (:students) AND status = 'ACTIVE' ORDER BY id DESC""")
			.param("students", ids)
			.query((RowCallbackHandler) rs -> owners.put(rs.getLong("mentee_id"), rs.getLong("mentor_id")));
		List<Long> departments = students.stream()
			.filter(s -> !owners.containsKey(s.id()) && s.departmentId() != null)
			.map(Person::departmentId)
			.distinct()
			.toList();
		Map<Long, Long> coordinators = coordinatorOf(departments);
		for (Person student : students) {
			if (!owners.containsKey(student.id()) && student.departmentId() != null
					&& coordinators.containsKey(student.departmentId())) {
				owners.put(student.id(), coordinators.get(student.departmentId()));
			}
		}
		return owners;
	}

	/** The first active coordinator of each department, in one query. */
	private Map<Long, Long> coordinatorOf(List<Long> departments) {
		Map<Long, Long> coordinators = new HashMap<>();
		if (departments.isEmpty()) {
			return coordinators;
		}
		this.jdbc.sql("""
				SELECT p.department_id, p.id FROM identity_people p
				WHERE p.department_id IN (:departments) AND p.status = 'ACTIVE'
				  AND EXISTS (SELECT 1 FROM identity_person_roles r WHERE r.user_id = p.id AND r.role = 'COORDINATOR')
				ORDER BY p.id DESC""")
			.param("departments", departments)
			.query((RowCallbackHandler) rs -> coordinators.put(rs.getLong("department_id"), rs.getLong("id")));
		return coordinators;
	}

	/** The active coordinators of a department and, when asked, the active administrators of the institution. */
	List<Long> escalationRecipients(long institutionId, Long departmentId, boolean administrators) {
		return this.jdbc.sql("""
				SELECT DISTINCT p.id FROM identity_people p JOIN identity_person_roles r ON r.user_id = p.id
				WHERE p.institution_id = :inst AND p.status = 'ACTIVE'
				  AND ((r.role = 'COORDINATOR' AND p.department_id = :dept) OR (r.role = 'ADMIN' AND :admins = 1))
				ORDER BY p.id""")
			.param("inst", institutionId)
			.param("dept", departmentId == null ? -1L : departmentId)
			.param("admins", administrators ? 1 : 0)
			.query(Long.class)
			.list();
	}

	/** Whether the person may own cases of this institution: an active mentor, coordinator or administrator of it. */
	Optional<Person> possibleOwner(long institutionId, Long ownerId) {
		if (ownerId == null) {
			return Optional.empty();
		}
		return this.people.find(ownerId)
			.filter(p -> p.active() && p.institutionId() != null && p.institutionId() == institutionId)
			.filter(p -> p.has(RoleName.MENTOR) || p.has(RoleName.COORDINATOR) || p.has(RoleName.ADMIN));
	}

	/** The people who may own a case of the reader's scope, by name (for the assign forms). */
	List<Alerts.PersonChoice> ownerChoices(Reader reader) {
		if (!reader.manager()) {
			return List.of();
		}
		String scope = reader.admin() ? "" : " AND p.department_id = :dept";
		// A semi-join, not a join and DISTINCT: 40 -> 18 ms for an institution of 25,000 (PostgreSQL, full scale).
		return this.jdbc.sql("""
				SELECT p.id, p.full_name FROM identity_people p
				WHERE p.id IN (SELECT r.user_id FROM identity_person_roles r WHERE r.role IN ('MENTOR', 'COORDINATOR', 'ADMIN'))
				  AND p.institution_id = :inst AND p.status = 'ACTIVE'"""
				+ scope + " ORDER BY p.full_name, p.id LIMIT 500")
			.param("inst", reader.institutionId())
			.param("dept", reader.departmentId() == null ? -1L : reader.departmentId())
			.query((rs, i) -> new Alerts.PersonChoice(rs.getLong("id"), rs.getString("full_name")))
			.list();
	}

	/** The students the reader may raise an alert about, by name. */
	List<Alerts.PersonChoice> studentChoices(Reader reader) {
		if (reader.institutionId() == null) {
			return List.of();
		}
		String managed = "1 = 0";
		if (reader.admin()) {
			managed = "p.institution_id = :inst";
		}
		else if (reader.coordinator() && reader.departmentId() != null) {
			managed = "p.institution_id = :inst AND p.department_id = :dept";
		}
		String mentees = reader.mentor() ? """
				EXISTS (SELECT 1 FROM mentorship_pairs mp WHERE mp.mentor_id = :me AND mp.mentee_id = p.id
				        AND mp.status = 'ACTIVE')""" : "1 = 0";
		return this.jdbc.sql("""
				SELECT p.id, p.full_name FROM identity_people p
				WHERE p.status = 'ACTIVE' AND p.id <> :me
				  AND EXISTS (SELECT 1 FROM identity_person_roles r WHERE r.user_id = p.id AND r.role IN ('MENTEE', 'NEW_MOTHER'))
				  AND ((""" + managed + ") OR " + mentees + """
				)
				ORDER BY p.full_name, p.id
				LIMIT 1000""")
			.param("me", reader.id())
			.param("inst", reader.institutionId())
			.param("dept", reader.departmentId() == null ? -1L : reader.departmentId())
			.query((rs, i) -> new Alerts.PersonChoice(rs.getLong("id"), rs.getString("full_name")))
			.list();
	}

	/** The department ids of these people, in one batch. */
	Map<Long, Person> summaries(Collection<Long> ids) {
		return this.people.summaries(ids);
	}

}
