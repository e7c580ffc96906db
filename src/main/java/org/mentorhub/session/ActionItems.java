package org.mentorhub.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items of a session: both participants see, add, change and delete them; the assignee must
 * be one of the pair. Each person's list of items assigned to them shows overdue ones (due before
 * today in their own time zone, not completed). Changes name the version they read (409 when stale).
 * Giving an item to the other participant (on creation or by changing its assignee) publishes
 * {@link ActionItemAssigned}.
 */
@Service
public class ActionItems {

	private final JdbcClient jdbc;

	private final SessionParticipants participants;

	private final Tenancy tenancy;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ActionItems(JdbcClient jdbc, SessionParticipants participants, Tenancy tenancy, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.participants = participants;
		this.tenancy = tenancy;
		this.clock = clock;
		this.events = events;
	}

	private static final String SELECT = """
			SELECT a.id, a.session_id, s.title AS session_title, a.title, a.description, a.assigned_to_id,
			       u.full_name AS assignee_name, a.due_date, a.status, a.completed_at, a.updated_at, a.version
			FROM action_items a
			JOIN mentoring_sessions s ON s.id = a.session_id
			LEFT JOIN identity_people u ON u.id = a.assigned_to_id
			""";

	/** The session's items, by due date (participants only). */
	@Transactional(readOnly = true)
	public List<ActionItemView> forSession(long sessionId) {
		this.participants.asParticipant(sessionId);
		LocalDate today = today();
		return this.jdbc.sql(SELECT + " WHERE a.session_id = :s ORDER BY CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, a.id")
			.param("s", sessionId)
			.query((rs, i) -> view(rs, today))
			.list();
	}

	/** The items assigned to the caller, open ones first, then by due date. */
	@Transactional(readOnly = true)
	public List<ActionItemView> mine() {
		long me = this.tenancy.actor().id();
		LocalDate today = today();
		return this.jdbc.sql(SELECT + """
				 WHERE a.assigned_to_id = :me
				 ORDER BY CASE WHEN a.status = 'COMPLETED' THEN 1 ELSE 0 END,
				          CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, a.id
				 LIMIT 500""")
			.param("me", me)
			.query((rs, i) -> view(rs, today))
			.list();
	}

	@Transactional
	public ActionItemView create(long sessionId, ActionItemInput input) {
		SessionParticipants.Session session = this.participants.asParticipant(sessionId);
		Valid valid = validate(session, input);
		Instant at = Instant.now(this.clock);
		LocalDateTime now = SessionParticipants.utc(at);
		long me = this.tenancy.actor().id();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO action_items (session_id, assigned_to_id, created_by_id, title, description, due_date, status,
				                          completed_at, created_at, updated_at, version)
				VALUES (:s, :assignee, :me, :title, :description, :due, :status, :completed, :now, :now, 0)""")
			.param("s", sessionId)
			.param("assignee", valid.assigneeId())
			.param("me", me)
			.param("title", valid.title())
			.param("description", valid.description())
			.param("due", valid.due() == null ? null : valid.due().atStartOfDay())
			.param("status", valid.status().name())
			.param("completed", valid.status() == ActionItemStatus.COMPLETED ? now : null)
			.param("now", now)
			.update(keys, "id");
		long itemId = keys.getKeyAs(Number.class).longValue();
		assigned(session, itemId, valid, me, at);
		return get(sessionId, itemId);
	}

	@Transactional
	public ActionItemView update(long sessionId, long itemId, ActionItemInput input, Long version) {
		SessionParticipants.Session session = this.participants.asParticipant(sessionId);
		ActionItemView before = get(sessionId, itemId);
		Valid valid = validate(session, input);
		long expected = SessionNotes.requireVersion(version);
		Instant at = Instant.now(this.clock);
		LocalDateTime now = SessionParticipants.utc(at);
		LocalDateTime completedAt = valid.status() != ActionItemStatus.COMPLETED ? null
				: before.completedAt() != null ? SessionParticipants.utc(before.completedAt()) : now;
		int changed = this.jdbc.sql("""
				UPDATE action_items SET assigned_to_id = :assignee, title = :title, description = :description,
				       due_date = :due, status = :status, completed_at = :completed, updated_at = :now, version = version + 1
				WHERE id = :id AND session_id = :s AND version = :version""")
			.param("assignee", valid.assigneeId())
			.param("title", valid.title())
			.param("description", valid.description())
			.param("due", valid.due() == null ? null : valid.due().atStartOfDay())
			.param("status", valid.status().name())
			.param("completed", completedAt)
			.param("now", now)
			.param("id", itemId)
			.param("s", sessionId)
			.param("version", expected)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale action item " + itemId);
		}
		if (before.assigneeId() == null || before.assigneeId() != valid.assigneeId()) {
			assigned(session, itemId, valid, this.tenancy.actor().id(), at);
		}
		return get(sessionId, itemId);
	}

	/** Tells the assignee, unless they gave the item to themselves. */
	private void assigned(SessionParticipants.Session session, long itemId, Valid valid, long actorId, Instant at) {
		if (valid.assigneeId() != actorId) {
			this.events.publishEvent(new ActionItemAssigned(itemId, session.id(), session.mentorshipId(),
					valid.assigneeId(), actorId, valid.title(), valid.due(), at));
		}
	}

	@Transactional
	public void delete(long sessionId, long itemId, Long version) {
		this.participants.asParticipant(sessionId);
		get(sessionId, itemId);
		long expected = SessionNotes.requireVersion(version);
		int changed = this.jdbc.sql("DELETE FROM action_items WHERE id = :id AND session_id = :s AND version = :version")
			.param("id", itemId)
			.param("s", sessionId)
			.param("version", expected)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale action item " + itemId);
		}
	}

	@Transactional(readOnly = true)
	public ActionItemView get(long sessionId, long itemId) {
		this.participants.asParticipant(sessionId);
		return this.jdbc.sql(SELECT + " WHERE a.id = :id AND a.session_id = :s")
			.param("id", itemId)
			.param("s", sessionId)
			.query((rs, i) -> view(rs, today()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Action item not found"));
	}

	private record Valid(String title, String description, long assigneeId, LocalDate due, ActionItemStatus status) {
	}

	private static Valid validate(SessionParticipants.Session session, ActionItemInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = input == null || input.title() == null ? "" : input.title().strip();
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "Give the action item a title."));
		}
		else if (title.length() > 200) {
			problems.add(new FieldProblem("title", "The title is at most 200 characters."));
		}
		String description = input == null || input.description() == null || input.description().isBlank() ? null
				: input.description().strip();
		if (description != null && description.length() > 5000) {
			problems.add(new FieldProblem("description", "The description is at most 5000 characters."));
		}
		Long assignee = input == null ? null : input.assigneeId();
		if (assignee == null || !session.isParticipant(assignee)) {
			problems.add(new FieldProblem("assigneeId", "Assign it to the mentor or the mentee of this session."));
		}
		LocalDate due = null;
		if (input != null && input.dueDate() != null && !input.dueDate().isBlank()) {
			try {
				due = LocalDate.parse(input.dueDate().strip());
				if (due.getYear() < 2000 || due.getYear() > 2200) {
					problems.add(new FieldProblem("dueDate", "Give a due date between the years 2000 and 2200."));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("dueDate", "Give the due date as YYYY-MM-DD."));
			}
		}
		ActionItemStatus status = ActionItemStatus.PENDING;
		if (input != null && input.status() != null && !input.status().isBlank()) {
			try {
				status = ActionItemStatus.valueOf(input.status().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("status", "Choose PENDING, IN_PROGRESS or COMPLETED."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Valid(title, description, assignee, due, status);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.participants.zoneOf(this.tenancy.actor().id())));
	}

	private static ActionItemView view(ResultSet rs, LocalDate today) throws SQLException {
		LocalDateTime dueAt = rs.getObject("due_date", LocalDateTime.class);
		LocalDate due = dueAt == null ? null : dueAt.toLocalDate();
		ActionItemStatus status = ActionItemStatus.valueOf(rs.getString("status"));
		boolean overdue = due != null && due.isBefore(today) && status != ActionItemStatus.COMPLETED;
		return new ActionItemView(rs.getLong("id"), rs.getLong("session_id"), rs.getString("session_title"),
				rs.getString("title"), rs.getString("description"), (Long) rs.getObject("assigned_to_id", Long.class),
				rs.getString("assignee_name"), due, status, overdue,
				SessionParticipants.utc(rs.getObject("completed_at", LocalDateTime.class)),
				SessionParticipants.utc(rs.getObject("updated_at", LocalDateTime.class)), rs.getLong("version"));
	}

}
