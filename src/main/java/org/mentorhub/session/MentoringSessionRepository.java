package org.mentorhub.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MentoringSessionRepository extends JpaRepository<MentoringSession, Long> {

	/** A person's sessions (as mentor or mentee) that start after the instant and are not closed. */
	@Query("""
			select s from MentoringSession s where (s.mentorId = :person or s.menteeId = :person)
			and s.scheduledAt > :after and s.status not in :closed order by s.scheduledAt""")
	List<MentoringSession> findUpcomingOf(@Param("person") long person, @Param("after") Instant after,
			@Param("closed") Collection<SessionStatus> closed);

}
