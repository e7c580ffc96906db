package org.mentorhub.session;

import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.AttachmentParent;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of sessions and of feedback, by this module's rules. A session's files: exactly its two
 * participants (who add them) and the coordinators of its department and administrators of its
 * institution (who see them and may delete them) — {@link SessionParticipants#asParticipantOrManager}.
 * A feedback's files: whoever may read that feedback in {@link SessionFeedbacks#section} (its giver,
 * the other participant once it is shared and revealed, the managers in scope); only its giver adds.
 * Both are part of the mentee's education record: a download by anyone but the mentee (the mentor, a
 * coordinator, an administrator) is audited naming the mentee as subject (the FERPA disclosure log).
 * Sessions and feedback are never deleted (a session is cancelled), so their files stay with them.
 */
@Component
class SessionAttachments implements AttachmentParent {

	private final SessionParticipants participants;

	private final SessionFeedbacks feedbacks;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	SessionAttachments(SessionParticipants participants, SessionFeedbacks feedbacks, JdbcClient jdbc, Tenancy tenancy) {
		this.participants = participants;
		this.feedbacks = feedbacks;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	@Override
	public Set<RelatedType> types() {
		return Set.of(RelatedType.SESSION, RelatedType.FEEDBACK);
	}

	@Override
	public Optional<Access> access(RelatedType type, long relatedId) {
		try {
			return type == RelatedType.SESSION ? session(relatedId) : feedback(relatedId);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private Optional<Access> session(long sessionId) {
		SessionParticipants.Session session = this.participants.asParticipantOrManager(sessionId);
		long me = this.tenancy.actor().id();
		boolean participant = session.isParticipant(me);
		return Optional.of(new Access(session.institutionId(), participant, !participant, me != session.menteeId(),
				"/sessions/" + sessionId, session.title(), session.menteeId()));
	}

	private Optional<Access> feedback(long feedbackId) {
		Optional<long[]> row = this.jdbc.sql("SELECT session_id, giver_id FROM session_feedback WHERE id = :id")
			.param("id", feedbackId)
			.query((rs, i) -> new long[] { rs.getLong("session_id"), rs.getLong("giver_id") })
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		long sessionId = row.get()[0];
		long me = this.tenancy.actor().id();
		SessionParticipants.Session session = this.participants.asParticipantOrManager(sessionId);
		SessionFeedbackSection section = this.feedbacks.visible(sessionId);
		boolean visible = section.participant()
				? isFeedback(section.mine(), feedbackId) || isFeedback(section.theirs(), feedbackId)
				: section.all().stream().anyMatch(f -> f.id() == feedbackId);
		if (!visible) {
			return Optional.empty();
		}
		boolean giver = row.get()[1] == me;
		return Optional.of(new Access(session.institutionId(), giver, !section.participant(), me != session.menteeId(),
				"/sessions/" + sessionId + "/feedback", session.title(), session.menteeId()));
	}

	private static boolean isFeedback(SessionFeedbackView view, long id) {
		return view != null && view.id() == id;
	}

}
