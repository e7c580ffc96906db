package org.mentorhub.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback after a completed session: each participant once (unique per giver and session), rating
 * 1-5, comments, a type and a visibility. The other participant sees shared feedback only once both
 * have given theirs or once {@code mentorhub.session.feedback.reveal-after} (7 days) has passed since
 * completion, so that neither review influences the other ({@link FeedbackReveals} marks the moment
 * and publishes {@link SessionFeedbackRevealed}). Coordinators of the session's department
 * and administrators of its institution see all of it; their reads, and the mentor's of the mentee's feedback,
 * are audited as reads of the student's record. A mentor's average shows from 3 responses on.
 */
@Service
public class SessionFeedbacks {

	/** The fewest responses from which an average is shown. */
	public static final int MIN_RESPONSES = 3;

	static final List<String> TYPES = List.of("MENTEE_TO_MENTOR", "MENTOR_TO_MENTEE", "SESSION");

	static final String FEEDBACK_READ = "FEEDBACK_READ";

	private final JdbcClient jdbc;

	private final SessionParticipants participants;

	private final Tenancy tenancy;

	private final Clock clock;

	private final Duration revealAfter;

	private final FeedbackReveals reveals;

	private final AuditTrail audit;

	SessionFeedbacks(JdbcClient jdbc, SessionParticipants participants, Tenancy tenancy, Clock clock,
			@Value("${mentorhub.session.feedback.reveal-after:7d}") Duration revealAfter, FeedbackReveals reveals,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.participants = participants;
		this.tenancy = tenancy;
		this.clock = clock;
		this.revealAfter = revealAfter;
		this.reveals = reveals;
	}

	/**
	 * What the caller may see of a session's feedback (participants, and managers in scope). Feedback shown to
	 * someone other than the session's mentee and its giver (the mentor reading the mentee's, a coordinator or
	 * an administrator reading either) is audited as a read of the student's record ({@value #FEEDBACK_READ},
	 * one row per feedback shown, naming the mentee as subject: the FERPA disclosure log); the mentee's own reads
	 * are not recorded, nor anyone's reading of the feedback they gave.
	 */
	@Transactional
	public SessionFeedbackSection section(long sessionId) {
		SessionParticipants.Session session = this.participants.asParticipantOrManager(sessionId);
		SessionFeedbackSection section = sectionOf(session);
		long me = this.tenancy.actor().id();
		if (me != session.menteeId()) {
			List<SessionFeedbackView> shown = section.participant()
					? Stream.of(section.mine(), section.theirs()).filter(Objects::nonNull).toList()
					: section.all();
			this.audit.recordAll(shown.stream()
				.filter(feedback -> feedback.giverId() != me)
				.map(feedback -> AuditRecord.of(FEEDBACK_READ, "session_feedback", feedback.id()).about(session.menteeId()))
				.toList());
		}
		return section;
	}

	/** What {@link #section} shows, without the audit: for the checks of a feedback's files. */
	@Transactional(readOnly = true)
	SessionFeedbackSection visible(long sessionId) {
		return sectionOf(this.participants.asParticipantOrManager(sessionId));
	}

	private SessionFeedbackSection sectionOf(SessionParticipants.Session session) {
		long sessionId = session.id();
		long me = this.tenancy.actor().id();
		List<SessionFeedbackView> all = feedbackOf(sessionId);
		Instant revealAt = session.completedAt() == null ? null : session.completedAt().plus(this.revealAfter);
		if (!session.isParticipant(me)) {
			return new SessionFeedbackSection(sessionId, session.title(), session.status(), false, null, null, false, false,
					revealAt, all, List.of());
		}
		SessionFeedbackView mine = all.stream().filter(f -> f.giverId() == me).findFirst().orElse(null);
		SessionFeedbackView other = all.stream()
			.filter(f -> f.giverId() != me && "SHARED".equals(f.visibility()))
			.findFirst()
			.orElse(null);
		boolean revealed = other != null && (mine != null || (revealAt != null && !Instant.now(this.clock).isBefore(revealAt)));
		return new SessionFeedbackSection(sessionId, session.title(), session.status(), true, mine,
				revealed ? other : null, other != null && !revealed, mine == null && session.completed(), revealAt,
				List.of(), typesFor(session, me));
	}

	/** Gives the caller's feedback on a completed session they took part in. */
	@Transactional
	public SessionFeedbackSection give(long sessionId, SessionFeedbackInput input) {
		SessionParticipants.Session session = this.participants.asParticipant(sessionId);
		long me = this.tenancy.actor().id();
		List<FieldProblem> problems = new ArrayList<>();
		Integer rating = input == null ? null : input.rating();
		if (rating == null || rating < 1 || rating > 5) {
			problems.add(new FieldProblem("rating", "Rate the session from 1 to 5."));
		}
		String comments = input == null || input.comments() == null || input.comments().isBlank() ? null
				: input.comments().strip();
		if (comments != null && comments.length() > 5000) {
			problems.add(new FieldProblem("comments", "Comments are at most 5000 characters."));
		}
		List<String> allowed = typesFor(session, me);
		String type = input == null || input.type() == null || input.type().isBlank() ? allowed.get(0)
				: input.type().strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(type)) {
			problems.add(new FieldProblem("type", "Choose one of: " + String.join(", ", allowed) + "."));
		}
		String visibility = input == null || input.visibility() == null || input.visibility().isBlank() ? "SHARED"
				: input.visibility().strip().toUpperCase(Locale.ROOT);
		if (!visibility.equals("SHARED") && !visibility.equals("COORDINATORS")) {
			problems.add(new FieldProblem("visibility", "Choose SHARED or COORDINATORS."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!session.completed()) {
			throw new StateTransitionException("Feedback opens once the session is completed.");
		}
		if (given(sessionId, me)) {
			throw new StateTransitionException("You have already given feedback on this session; it cannot be given twice.");
		}
		Instant at = Instant.now(this.clock);
		LocalDateTime now = SessionParticipants.utc(at);
		try {
			this.jdbc.sql("""
					INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating, comments, visibility,
					                              created_at, updated_at)
					VALUES (:s, :me, :other, :type, :rating, :comments, :visibility, :now, :now)""")
				.param("s", sessionId)
				.param("me", me)
				.param("other", session.other(me))
				.param("type", type)
				.param("rating", rating)
				.param("comments", comments)
				.param("visibility", visibility)
				.param("now", now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// The unique constraint (session, giver) decides between two concurrent submissions.
			throw new StateTransitionException("You have already given feedback on this session; it cannot be given twice.");
		}
		long other = session.other(me);
		boolean pastDeadline = session.completedAt() != null && !at.isBefore(session.completedAt().plus(this.revealAfter));
		if (given(sessionId, other) || pastDeadline) {
			// The other participant can read this feedback now (if shared): they are told.
			this.reveals.reveal(sessionId, session.mentorshipId(), me, other, at, true);
		}
		// The caller can read the other's shared feedback now, in the answer to this request: it is
		// marked as revealed without an event, so that nobody is told what they have just seen.
		this.reveals.reveal(sessionId, session.mentorshipId(), other, me, at, false);
		return section(sessionId);
	}

	/** A mentor a manager may choose on the rating page. */
	public record MentorOption(long id, String fullName) {
	}

	/**
	 * The mentors whose rating the caller may read and choose between: for an administrator the
	 * institution's, for a coordinator the department's (by name, at most 500); nobody else chooses.
	 */
	@Transactional(readOnly = true)
	public List<MentorOption> mentorsToChoose() {
		if (!this.participants.isManager()) {
			return List.of();
		}
		Tenancy.Scope scope = this.tenancy.scope();
		// identity's published read views (people and their roles), as the directory reads them.
		return this.jdbc.sql("""
				SELECT u.id, u.full_name FROM identity_people u
				WHERE u.id IN (SELECT pr.user_id FROM identity_person_roles pr WHERE pr.role = 'MENTOR')
				  AND u.institution_id = :institution AND (:department = 0 OR u.department_id = :department)
				ORDER BY u.full_name, u.id LIMIT 500""")
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.query(MentorOption.class)
			.list();
	}

	/** Whether the caller chooses a mentor on the rating page (a manager) or reads her own (a mentor). */
	public boolean choosesMentor() {
		return this.participants.isManager();
	}

	/**
	 * A mentor's average rating by mentees: the mentor (her own when none is named), or a manager whose
	 * scope holds the mentor (who must name one).
	 */
	@Transactional(readOnly = true)
	public SessionFeedbackSummary summary(Long mentorId) {
		Actor actor = this.tenancy.actor();
		if (mentorId == null && this.participants.isManager()) {
			throw new InvalidInputException("mentor", "Choose the mentor.");
		}
		if (mentorId == null) {
			// A mentor reads her own rating without naming herself.
			mentorId = actor.id();
		}
		Person mentor = this.participants.person(mentorId).orElseThrow(() -> new NotFoundException("Mentor not found"));
		if (actor.id() != mentorId) {
			if (!this.participants.isManager() || actor.institutionId() == null) {
				throw new NotFoundException("Mentor not found");
			}
			this.tenancy.requireInScope(mentor.institutionId(), mentor.departmentId(), "Mentor");
		}
		record Totals(int responses, Double average) {
		}
		Totals totals = this.jdbc.sql("""
				SELECT COUNT(*) AS responses, AVG(CAST(f.rating AS DECIMAL(10, 4))) AS average
				FROM session_feedback f JOIN mentoring_sessions s ON s.id = f.session_id
				WHERE s.mentor_id = :m AND f.giver_id = s.mentee_id AND f.type = 'MENTEE_TO_MENTOR'""")
			.param("m", mentorId)
			.query((rs, i) -> new Totals(rs.getInt("responses"), rs.getObject("average") == null ? null
					: rs.getBigDecimal("average").doubleValue()))
			.single();
		Double average = totals.responses() >= MIN_RESPONSES && totals.average() != null
				? Math.round(totals.average() * 100) / 100.0 : null;
		return new SessionFeedbackSummary(mentorId, mentor.fullName(), totals.responses(), average, MIN_RESPONSES);
	}

	private boolean given(long sessionId, long giverId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM session_feedback WHERE session_id = :s AND giver_id = :g")
			.param("s", sessionId)
			.param("g", giverId)
			.query(Integer.class)
			.single() > 0;
	}

	private static List<String> typesFor(SessionParticipants.Session session, long me) {
		return me == session.menteeId() ? List.of("MENTEE_TO_MENTOR", "SESSION") : List.of("MENTOR_TO_MENTEE", "SESSION");
	}

	private List<SessionFeedbackView> feedbackOf(long sessionId) {
		return this.jdbc.sql("""
				SELECT f.id, f.session_id, f.giver_id, u.full_name, f.recipient_id, f.type, f.rating, f.comments,
				       f.visibility, f.created_at
				FROM session_feedback f JOIN identity_people u ON u.id = f.giver_id
				WHERE f.session_id = :s ORDER BY f.id""")
			.param("s", sessionId)
			.query((rs, i) -> view(rs))
			.list();
	}

	private static SessionFeedbackView view(ResultSet rs) throws SQLException {
		return new SessionFeedbackView(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("giver_id"),
				rs.getString("full_name"), (Long) rs.getObject("recipient_id", Long.class), rs.getString("type"),
				rs.getInt("rating"), rs.getString("comments"), rs.getString("visibility"),
				SessionParticipants.utc(rs.getObject("created_at", LocalDateTime.class)));
	}

}
