package org.mentorhub.wellbeing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.identity.People;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new mother's private milestone timeline. Only she (role NEW_MOTHER) keeps, changes and deletes her
 * milestones; she chooses per milestone whether her active mentors (an ACTIVE mentorship in mentorship's
 * {@code mentorship_pairs} view, ADR 0003) may see it. Nobody else sees any of them, administrators
 * included: for everybody else a milestone is "not found".
 */
@Service
public class Milestones {

	/** The longest title (the column's size). */
	public static final int MAX_TITLE = 200;

	/** The longest notes. */
	public static final int MAX_NOTES = 5_000;

	/** How many years before or after today a milestone may be dated. */
	public static final int MAX_YEARS = 3;

	private static final String COLUMNS = """
			m.id, m.user_id, p.full_name, m.type, m.title, m.notes, m.milestone_date, m.shared_with_mentor""";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Milestones(JdbcClient jdbc, Tenancy tenancy, People people, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the signed-in person keeps a milestone timeline (a new mother). */
	public boolean keepsMilestones() {
		return this.tenancy.hasRole("NEW_MOTHER");
	}

	/** The caller's own timeline: what comes next, upcoming and past milestones (empty for anyone else). */
	@Transactional(readOnly = true)
	public MilestoneTimeline timeline() {
		Actor actor = this.tenancy.actor();
		LocalDate today = today(actor.id());
		List<MilestoneView> all = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM milestone_logs m JOIN identity_people p ON p.id = m.user_id
				WHERE m.user_id = :user ORDER BY m.milestone_date, m.id""")
			.param("user", actor.id())
			.query((rs, i) -> view(rs, actor.id()))
			.list();
		List<MilestoneView> upcoming = all.stream().filter(m -> !m.date().isBefore(today)).toList();
		List<MilestoneView> past = new ArrayList<>(all.stream().filter(m -> m.date().isBefore(today)).toList());
		java.util.Collections.reverse(past);
		List<MilestoneTimeline.Countdown> next = new ArrayList<>();
		if (!upcoming.isEmpty()) {
			next.add(countdown("NEXT", upcoming.get(0), today));
		}
		for (MilestoneType type : List.of(MilestoneType.LEAVE_START, MilestoneType.RETURN_TO_WORK)) {
			upcoming.stream()
				.filter(m -> m.type() == type && m != upcoming.get(0))
				.findFirst()
				.ifPresent(m -> next.add(countdown(type.name(), m, today)));
		}
		return new MilestoneTimeline(today, next, upcoming, past);
	}

	private static MilestoneTimeline.Countdown countdown(String kind, MilestoneView m, LocalDate today) {
		return new MilestoneTimeline.Countdown(kind, m, ChronoUnit.DAYS.between(today, m.date()));
	}

	/** The milestones the caller's active mentees share with them, latest first. */
	@Transactional(readOnly = true)
	public List<MilestoneView> sharedWithMe() {
		long me = this.tenancy.actor().id();
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM milestone_logs m JOIN identity_people p ON p.id = m.user_id
				WHERE m.shared_with_mentor = TRUE AND m.user_id IN (
				  SELECT mp.mentee_id FROM mentorship_pairs mp WHERE mp.mentor_id = :me AND mp.status = 'ACTIVE')
				ORDER BY m.milestone_date DESC, m.id DESC""")
			.param("me", me)
			.query((rs, i) -> view(rs, me))
			.list();
	}

	/** One milestone: for its owner, or for her active mentor when she shares it; otherwise "not found". */
	@Transactional(readOnly = true)
	public MilestoneView get(long id) {
		long me = this.tenancy.actor().id();
		MilestoneView m = find(id, me);
		if (m.mine() || (m.sharedWithMentor() && isActiveMentor(me, m.ownerId()))) {
			return m;
		}
		throw notFound();
	}

	/** A new milestone of the caller, who must be a new mother (403 otherwise). */
	@Transactional
	public MilestoneView create(MilestoneInput input) {
		if (!keepsMilestones()) {
			throw new AccessDeniedException("Milestones are kept by new mothers.");
		}
		long me = this.tenancy.actor().id();
		Valid valid = validate(input, today(me));
		LocalDateTime now = LocalDateTime.now(this.clock.withZone(ZoneOffset.UTC));
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO milestone_logs (user_id, type, title, notes, milestone_date, shared_with_mentor, created_at, updated_at)
				VALUES (:user, :type, :title, :notes, :date, :shared, :now, :now)""")
			.param("user", me)
			.param("type", valid.type().name())
			.param("title", valid.title())
			.param("notes", valid.notes())
			.param("date", valid.date())
			.param("shared", valid.shared())
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		if (valid.shared()) {
			shared(id, me, valid);
		}
		return find(id, me);
	}

	/** Changes one of the caller's own milestones ("not found" for anyone else's). */
	@Transactional
	public MilestoneView edit(long id, MilestoneInput input) {
		long me = this.tenancy.actor().id();
		MilestoneView before = owned(id, me);
		Valid valid = validate(input, today(me));
		this.jdbc.sql("""
				UPDATE milestone_logs SET type = :type, title = :title, notes = :notes, milestone_date = :date,
				       shared_with_mentor = :shared, updated_at = :now WHERE id = :id AND user_id = :user""")
			.param("type", valid.type().name())
			.param("title", valid.title())
			.param("notes", valid.notes())
			.param("date", valid.date())
			.param("shared", valid.shared())
			.param("now", LocalDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
			.param("id", id)
			.param("user", me)
			.update();
		if (valid.shared() && !before.sharedWithMentor()) {
			shared(id, me, valid);
		}
		return find(id, me);
	}

	/** Deletes one of the caller's own milestones ("not found" for anyone else's). */
	@Transactional
	public void delete(long id) {
		long me = this.tenancy.actor().id();
		owned(id, me);
		this.jdbc.sql("DELETE FROM milestone_logs WHERE id = :id AND user_id = :user").param("id", id).param("user", me)
			.update();
	}

	private void shared(long id, long me, Valid valid) {
		List<Long> mentors = this.jdbc.sql("""
				SELECT mentor_id FROM mentorship_pairs WHERE mentee_id = :me AND status = 'ACTIVE' ORDER BY mentor_id""")
			.param("me", me)
			.query(Long.class)
			.list();
		this.events.publishEvent(new MilestoneShared(id, me, mentors.stream().distinct().toList(), valid.title(), valid.date()));
	}

	private MilestoneView owned(long id, long me) {
		MilestoneView m = find(id, me);
		if (!m.mine()) {
			throw notFound();
		}
		return m;
	}

	private MilestoneView find(long id, long me) {
		return this.jdbc.sql("SELECT " + COLUMNS
				+ " FROM milestone_logs m JOIN identity_people p ON p.id = m.user_id WHERE m.id = :id")
			.param("id", id)
			.query((rs, i) -> view(rs, me))
			.optional()
			.orElseThrow(Milestones::notFound);
	}

	private boolean isActiveMentor(long mentorId, long menteeId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorship_pairs WHERE mentor_id = :mentor AND mentee_id = :mentee AND status = 'ACTIVE'""")
			.param("mentor", mentorId)
			.param("mentee", menteeId)
			.query(Long.class)
			.single() > 0;
	}

	private LocalDate today(long userId) {
		return LocalDate.now(this.clock.withZone(this.people.zoneOf(userId)));
	}

	private static NotFoundException notFound() {
		return new NotFoundException("Milestone not found");
	}

	private record Valid(MilestoneType type, String title, String notes, LocalDate date, boolean shared) {
	}

	static Valid validate(MilestoneInput input, LocalDate today) {
		if (input == null) {
			throw new InvalidInputException("title", "Give the milestone a title.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		MilestoneType type = null;
		if (input.type() == null || input.type().isBlank()) {
			problems.add(new FieldProblem("type", "Choose the kind of milestone."));
		}
		else {
			type = MilestoneType.of(input.type()).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("type", "Unknown kind of milestone."));
			}
		}
		String title = input.title() == null ? "" : input.title().strip();
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "Give the milestone a title."));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "A title has at most " + MAX_TITLE + " characters."));
		}
		String notes = input.notes() == null ? "" : input.notes().strip();
		if (notes.length() > MAX_NOTES) {
			problems.add(new FieldProblem("notes", "Notes have at most " + MAX_NOTES + " characters."));
		}
		if (input.date() == null) {
			problems.add(new FieldProblem("date", "Give the date of the milestone."));
		}
		else if (input.date().isAfter(today.plusYears(MAX_YEARS)) || input.date().isBefore(today.minusYears(MAX_YEARS))) {
			problems.add(new FieldProblem("date", "A milestone is dated within " + MAX_YEARS + " years of today."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Valid(type, title, notes.isEmpty() ? null : notes, input.date(), Boolean.TRUE.equals(input.sharedWithMentor()));
	}

	private static MilestoneView view(ResultSet rs, long me) throws SQLException {
		long owner = rs.getLong("user_id");
		return new MilestoneView(rs.getLong("id"), owner, rs.getString("full_name"),
				MilestoneType.of(rs.getString("type")).orElse(MilestoneType.OTHER), rs.getString("title"),
				rs.getString("notes"), rs.getObject("milestone_date", LocalDate.class), rs.getBoolean("shared_with_mentor"),
				owner == me);
	}

}
