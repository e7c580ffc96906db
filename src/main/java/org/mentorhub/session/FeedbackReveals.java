package org.mentorhub.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks shared feedback as revealed ({@code session_feedback.revealed_at}) when its recipient can read
 * it, and publishes {@link SessionFeedbackRevealed} then. {@link SessionFeedbacks#give} reveals at once
 * what becomes readable by giving; this job reveals what becomes readable because the reveal deadline
 * ({@code mentorhub.session.feedback.reveal-after}) passed since the session was completed. It runs
 * once per cluster (ShedLock) every {@code mentorhub.session.feedback-reveal-interval} (15 minutes by
 * default), at most 500 pieces of feedback a run. The conditional update that sets
 * {@code revealed_at} decides between overlapping runs, and the event is published in its
 * transaction: one event per feedback.
 */
@Component
class FeedbackReveals {

	private static final Logger log = LoggerFactory.getLogger(FeedbackReveals.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration revealAfter;

	private final TransactionTemplate own;

	FeedbackReveals(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${mentorhub.session.feedback.reveal-after:7d}") Duration revealAfter,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.revealAfter = revealAfter;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.session.feedback-reveal-interval:PT15M}",
			initialDelayString = "${mentorhub.session.feedback-reveal-initial-delay:PT2M}")
	@SchedulerLock(name = "session-feedback-reveals", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void run() {
		int revealed = revealDue();
		if (revealed > 0) {
			log.info("Revealed {} pieces of session feedback", revealed);
		}
	}

	private record Unrevealed(long sessionId, long mentorshipId, long giverId, long recipientId) {
	}

	/** Reveals the shared feedback whose deadline has passed; returns how many this call revealed. */
	int revealDue() {
		Instant now = this.clock.instant();
		List<Unrevealed> due = this.jdbc.sql("""
				SELECT f.session_id, s.mentorship_id, f.giver_id, f.recipient_id
				FROM session_feedback f JOIN mentoring_sessions s ON s.id = f.session_id
				WHERE f.revealed_at IS NULL AND f.visibility = 'SHARED' AND f.recipient_id IS NOT NULL
				  AND s.completed_at <= :completedBefore
				ORDER BY f.id
				LIMIT 500""")
			.param("completedBefore", SessionParticipants.utc(now.minus(this.revealAfter)))
			.query(Unrevealed.class)
			.list();
		int revealed = 0;
		for (Unrevealed f : due) {
			if (Boolean.TRUE.equals(this.own.execute(status -> reveal(f.sessionId(), f.mentorshipId(), f.giverId(),
					f.recipientId(), now, true)))) {
				revealed++;
			}
		}
		return revealed;
	}

	/**
	 * Marks the giver's shared feedback on the session as revealed, if it is not yet, in the caller's
	 * transaction; publishes {@link SessionFeedbackRevealed} when asked to and when this call marked it.
	 * @return whether this call marked it
	 */
	boolean reveal(long sessionId, long mentorshipId, long giverId, long recipientId, Instant now, boolean publish) {
		int marked = this.jdbc.sql("""
				UPDATE session_feedback SET revealed_at = :now
				WHERE session_id = :s AND giver_id = :g AND visibility = 'SHARED' AND revealed_at IS NULL""")
			.param("now", SessionParticipants.utc(now))
			.param("s", sessionId)
			.param("g", giverId)
			.update();
		if (marked == 1 && publish) {
			this.events.publishEvent(new SessionFeedbackRevealed(sessionId, mentorshipId, recipientId, giverId, now));
		}
		return marked == 1;
	}

}
