package org.mentorhub.mentorship;

import org.mentorhub.profile.MentoringRelations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** profile's {@link MentoringRelations}, answered from the mentorships this module owns. */
@Component
class RunningMentorships implements MentoringRelations {

	private static final String RUNNING = "status IN ('ACTIVE', 'PAUSED')";

	private final JdbcClient jdbc;

	RunningMentorships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isMentorOf(long mentor, long mentee) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mentorships WHERE " + RUNNING + " AND mentor_id = :mentor AND mentee_id = :mentee")
			.param("mentor", mentor)
			.param("mentee", mentee)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mentorAndMentee(long a, long b) {
		return isMentorOf(a, b) || isMentorOf(b, a);
	}

}
