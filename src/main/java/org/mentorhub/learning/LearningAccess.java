package org.mentorhub.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with learning paths, in one place. Paths belong to an institution: its
 * administrators and coordinators author them (drafts are theirs alone), every member of the
 * institution reads the published ones, enrols and keeps their own progress, and a mentor sees the
 * progress of their active mentees (an ACTIVE mentorship in mentorship's {@code mentorship_pairs}
 * view, ADR 0003) and recommends paths to them. Anything out of reach is "not found"; a platform
 * administrator, who belongs to no institution, is refused.
 */
@Component
class LearningAccess {

	/** The signed-in caller, with what the rules need. */
	record Reader(long id, long institutionId, boolean author) {
	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	LearningAccess(JdbcClient jdbc, Tenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	Reader reader() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			throw new AccessDeniedException("Learning paths belong to the members of an institution.");
		}
		return new Reader(actor.id(), actor.institutionId(),
				this.tenancy.hasRole("ADMIN") || this.tenancy.hasRole("COORDINATOR"));
	}

	/** Whether {@code mentorId} mentors {@code menteeId} in an active mentorship. */
	boolean isActiveMentor(long mentorId, long menteeId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorship_pairs
				WHERE mentor_id = :mentor AND mentee_id = :mentee AND status = 'ACTIVE'""")
			.param("mentor", mentorId)
			.param("mentee", menteeId)
			.query(Long.class)
			.single() > 0;
	}

	/** The active mentees of a mentor, by id. */
	List<Long> activeMentees(long mentorId) {
		return this.jdbc.sql("""
				SELECT DISTINCT mentee_id FROM mentorship_pairs WHERE mentor_id = :mentor AND status = 'ACTIVE'""")
			.param("mentor", mentorId)
			.query(Long.class)
			.list();
	}

	/** The active mentors of each learner, in one query. */
	Map<Long, List<Long>> activeMentors(Collection<Long> learnerIds) {
		Map<Long, List<Long>> mentors = new HashMap<>();
		if (learnerIds.isEmpty()) {
			return mentors;
		}
		this.jdbc.sql("""
				SELECT DISTINCT mentee_id, mentor_id FROM mentorship_pairs
				WHERE mentee_id IN (:learners) AND status = 'ACTIVE' ORDER BY mentee_id, mentor_id""")
			.param("learners", learnerIds.stream().distinct().toList())
			.query((RowCallbackHandler) rs -> mentors.computeIfAbsent(rs.getLong("mentee_id"), k -> new ArrayList<>())
				.add(rs.getLong("mentor_id")));
		return mentors;
	}

}
