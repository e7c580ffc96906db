package org.mentorhub.mentorship;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Mentorships; reads for pages and lists go through {@link MentorshipQueries}. */
interface MentorshipRepository extends JpaRepository<Mentorship, Long> {

	boolean existsByMenteeIdAndStatusIn(long menteeId, Collection<MentorshipStatus> statuses);

	boolean existsByMenteeIdAndMentorIdAndStatusIn(long menteeId, long mentorId, Collection<MentorshipStatus> statuses);

	List<Mentorship> findByStatusAndCreatedAtBefore(MentorshipStatus status, Instant before);

	List<Mentorship> findByStatus(MentorshipStatus status);

	long countByMentorIdAndStatusIn(long mentorId, Collection<MentorshipStatus> statuses);

}
