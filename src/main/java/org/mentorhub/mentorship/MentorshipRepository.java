package org.mentorhub.mentorship;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Mentorships; reads for pages and lists go through {@link MentorshipQueries}. */
interface MentorshipRepository extends JpaRepository<Mentorship, Long> {

	boolean existsByMenteeIdAndStatusIn(long menteeId, Collection<MentorshipStatus> statuses);

	boolean existsByMenteeIdAndMentorIdAndStatusIn(long menteeId, long mentorId, Collection<MentorshipStatus> statuses);

	List<Mentorship> findByStatusAndCreatedAtBefore(MentorshipStatus status, Instant before);

	List<Mentorship> findByStatus(MentorshipStatus status);

	@Query("select m from Mentorship m where m.status = :status and (m.mentorId = :person or m.menteeId = :person) order by m.id")
	List<Mentorship> findByStatusAndParticipant(@Param("status") MentorshipStatus status, @Param("person") long person);

	long countByMentorIdAndStatusIn(long mentorId, Collection<MentorshipStatus> statuses);

}
