package org.mentorhub.goal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change whose goals, in one place: the owner, their active mentors (an ACTIVE
 * mentorship in mentorship's {@code mentorship_pairs} view, ADR 0003), the coordinators of the owner's
 * department and the administrators of the owner's institution. Nobody else: a mentor whose
 * mentorship ended, paused or was never approved sees nothing, and anything out of reach is "not found".
 */
@Component
class GoalAccess {

	/** The signed-in reader, with what the rules need. */
	record Reader(long id, Long institutionId, Long departmentId, boolean admin, boolean coordinator) {

		/** Whether the reader administers the whole institution of {@code person} or coordinates their department. */
		boolean manages(Person person) {
			if (this.institutionId == null || !this.institutionId.equals(person.institutionId())) {
				return false;
			}
			return this.admin || (this.coordinator && this.departmentId != null
					&& this.departmentId.equals(person.departmentId()));
		}

	}

	static final String ACTIVE = "ACTIVE";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final People people;

	GoalAccess(JdbcClient jdbc, Tenancy tenancy, People people) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.people = people;
	}

	Reader reader() {
		Actor actor = this.tenancy.actor();
		return new Reader(actor.id(), actor.institutionId(), actor.departmentId(), this.tenancy.hasRole("ADMIN"),
				this.tenancy.hasRole("COORDINATOR"));
	}

	/** The person, or "not found". */
	Person person(long id, String what) {
		return this.people.find(id).orElseThrow(() -> new NotFoundException(what + " not found"));
	}

	/** Whether the reader may see (and so update) the goals of {@code student}. */
	boolean maySee(Reader reader, Person student) {
		return reader.id() == student.id() || reader.manages(student) || isActiveMentor(reader.id(), student.id());
	}

	/** The student whose goals the reader may see, or "not found". */
	Person requireVisible(Reader reader, long studentId, String what) {
		Person student = person(studentId, what);
		if (!maySee(reader, student)) {
			throw new NotFoundException(what + " not found");
		}
		return student;
	}

	static boolean keepsGoals(Person person) {
		return person.has(RoleName.MENTEE) || person.has(RoleName.NEW_MOTHER);
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

	/** The active mentors of one student. */
	List<Long> activeMentors(long studentId) {
		return activeMentors(List.of(studentId)).getOrDefault(studentId, List.of());
	}

	/** The active mentors of each student, in one query. */
	Map<Long, List<Long>> activeMentors(Collection<Long> studentIds) {
		Map<Long, List<Long>> mentors = new HashMap<>();
		if (studentIds.isEmpty()) {
			return mentors;
		}
		this.jdbc.sql("""
				SELECT mentee_id, mentor_id FROM mentorship_pairs
				WHERE mentee_id IN (:students) AND status = 'ACTIVE' ORDER BY mentee_id, mentor_id""")
			.param("students", studentIds.stream().distinct().toList())
			.query((RowCallbackHandler) rs -> mentors
				.computeIfAbsent(rs.getLong("mentee_id"), k -> new java.util.ArrayList<>())
				.add(rs.getLong("mentor_id")));
		return mentors;
	}

	/** The active mentorship of this mentor and mentee, if there is one. */
	java.util.Optional<Long> activeMentorship(long mentorId, long menteeId) {
		return this.jdbc.sql("""
				SELECT id FROM mentorship_pairs WHERE mentor_id = :mentor AND mentee_id = :mentee AND status = 'ACTIVE' ORDER BY id""")
			.param("mentor", mentorId)
			.param("mentee", menteeId)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/** Whether {@code mentorshipId} is an active mentorship of {@code studentId} as mentee. */
	boolean isActiveMentorshipOf(long mentorshipId, long studentId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorship_pairs WHERE id = :id AND mentee_id = :mentee AND status = 'ACTIVE'""")
			.param("id", mentorshipId)
			.param("mentee", studentId)
			.query(Long.class)
			.single() > 0;
	}

	/** A mentorship's pair, as the session page's goals section needs it. */
	record Pair(long id, long mentorId, long menteeId, String status) {
	}

	Pair pair(long mentorshipId) {
		return this.jdbc.sql("SELECT id, mentor_id, mentee_id, status FROM mentorship_pairs WHERE id = :id")
			.param("id", mentorshipId)
			.query((rs, i) -> new Pair(rs.getLong("id"), rs.getLong("mentor_id"), rs.getLong("mentee_id"),
					rs.getString("status")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Mentorship not found"));
	}

	People people() {
		return this.people;
	}

}
