package org.mentorhub.session;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.AvailabilityOverlap;
import org.mentorhub.profile.AvailabilityWindow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session module's API: the scheduling workflow, booking and the record. Each transition is one
 * guarded method that says who may make it, runs in one transaction that changes the row (optimistic
 * locking on its version), writes the audit log and publishes a {@link SessionLifecycleEvent} carrying
 * the session.
 *
 * <p>Who may do what (only the mentor and the mentee of the session; a session outside the caller's
 * reach is "not found"):
 * <ul>
 * <li>the mentor proposes (PROPOSED), the mentee requests (REQUESTED), inside an ACTIVE mentorship;
 * either may first keep a draft (PENDING, seen only by its creator) and send it later;</li>
 * <li>the other party confirms (CONFIRMED) or rejects (REJECTED, with a message): the mentee a
 * proposal, the mentor a request;</li>
 * <li>either party proposes a new time (RESCHEDULED) of a proposed, requested or confirmed session;
 * the other accepts (CONFIRMED at the new time) or declines (back to the previous status);</li>
 * <li>either participant cancels a session that is not over, and records a confirmed session that
 * has started (COMPLETED).</li>
 * </ul>
 *
 * <p>Double booking: making a session, sending a draft and accepting a new time lock both people
 * in id order ({@link org.mentorhub.identity.People#lock}) and then look for a session of
 * either person that holds the time; concurrent bookings of one person therefore run one after the
 * other and the second sees the first. Those methods run at READ COMMITTED so that the check reads
 * what committed while they waited (MariaDB's default, REPEATABLE READ, would not).
 */
@Service
public class Sessions {

	static final String ATTENDANCE_READ = "SESSION_ATTENDANCE_READ";

	/** A read of one session record by someone other than its mentee (the mentor). */
	static final String SESSION_READ = "SESSION_READ";

	/** The shortest and longest session, in minutes. */
	public static final int MIN_DURATION = 5;

	public static final int MAX_DURATION = 480;

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 10_000;

	static final int MAX_LOCATION = 300;

	static final int MAX_LINK = 1000;

	static final int MAX_MESSAGE = 2000;

	static final int MAX_TOPIC = 300;

	/** How far ahead a session may be planned. */
	static final Duration HORIZON = Duration.ofDays(731);

	/** How far ahead the booking view looks, and how many slots it offers at most. */
	static final int BOOKING_DAYS = 14;

	static final int MAX_SLOTS = 60;

	private final MentoringSessionRepository repository;

	private final SessionQueries queries;

	private final AvailabilityOverlap overlap;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<ExternalBusyTimes> externalCalendars;

	Sessions(MentoringSessionRepository repository, SessionQueries queries, AvailabilityOverlap overlap, Tenancy tenancy,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, List<ExternalBusyTimes> externalCalendars) {
		this.externalCalendars = List.copyOf(externalCalendars);
		this.repository = repository;
		this.queries = queries;
		this.overlap = overlap;
		this.tenancy = tenancy;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the booking form shows: the mentorship's other person, my role, and the free slots.
	 * {@code outsideCalendars}: busy times of a connected outside calendar (Microsoft 365) were taken out;
	 * {@code outsideCalendarsUnavailable}: a connected calendar could not be read, so the slots come
	 * from MentorHub's own availability only.
	 */
	public record Booking(long mentorshipId, boolean asMentor, long otherId, String otherName, String zone,
			int durationMinutes, LocalDate from, List<SessionSlot> slots, boolean outsideCalendars,
			boolean outsideCalendarsUnavailable) {
	}

	/** One of my active mentorships, to plan a session in. */
	public record MentorshipChoice(long mentorshipId, boolean asMentor, String otherName) {
	}

	// ---------------------------------------------------------------- reads

	/** My ACTIVE mentorships, where sessions can be planned. */
	@Transactional(readOnly = true)
	public List<MentorshipChoice> plannable() {
		return this.queries.activeMentorships(this.tenancy.actor().id());
	}

	/** The signed-in person's time zone (their account's; UTC when unset). */
	@Transactional(readOnly = true)
	public ZoneId myZone() {
		return this.queries.zoneOf(this.tenancy.actor().id());
	}

	/**
	 * A session the caller takes part in (a draft only for its creator). The mentor's read of it is audited
	 * as a read of the mentee's session record ({@value #SESSION_READ}, the FERPA disclosure log); the
	 * mentee's own reads are not.
	 */
	@Transactional
	public SessionView get(long id) {
		long me = this.tenancy.actor().id();
		SessionView view = this.queries.one(id, this.queries.zoneOf(me)).orElseThrow(Sessions::notFound);
		if (!(view.mentorId() == me || view.menteeId() == me)
				|| (view.status() == SessionStatus.PENDING && (view.createdById() == null || view.createdById() != me))) {
			throw notFound();
		}
		if (view.menteeId() != me) {
			this.audit.record(AuditRecord.of(SESSION_READ, "mentoring_sessions", id).about(view.menteeId()));
		}
		return view.withActions(MentoringSession.actionsFor(view, me, this.clock.instant()));
	}

	/**
	 * My sessions, upcoming (from now on, soonest first) or past (newest first), optionally of one
	 * status or mentorship: one count and one row query, whatever the page size.
	 */
	@Transactional(readOnly = true)
	public SessionPage<SessionView> mine(boolean upcoming, SessionStatus status, Long mentorshipId, int page, int size) {
		long me = this.tenancy.actor().id();
		int safeSize = Math.max(1, Math.min(size, 100));
		int safePage = Math.max(0, Math.min(page, 10_000));
		SessionQueries.Criteria criteria = new SessionQueries.Criteria(me, upcoming, this.clock.instant(), status,
				mentorshipId);
		ZoneId zone = this.queries.zoneOf(me);
		long total = this.queries.count(criteria);
		List<SessionView> items = total == 0 ? List.of()
				: withActions(this.queries.page(criteria, safeSize, (long) safePage * safeSize, zone), me);
		return new SessionPage<>(items, total, safePage, safeSize);
	}

	/** My sessions in the week (Monday to Sunday in my zone) that contains the day. */
	@Transactional(readOnly = true)
	public List<SessionView> week(LocalDate day) {
		long me = this.tenancy.actor().id();
		ZoneId zone = this.queries.zoneOf(me);
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return withActions(this.queries.between(me, monday.atStartOfDay(zone).toInstant(),
				monday.plusDays(7).atStartOfDay(zone).toInstant(), zone), me);
	}

	/** Today in my zone. */
	@Transactional(readOnly = true)
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(myZone()));
	}

	/**
	 * The booking view of a mentorship I take part in: the slots in the next {@value #BOOKING_DAYS}
	 * days from {@code from} (today when null) where both people's weekly availability overlaps for
	 * the duration, neither is absent and neither has another session; slots start on the half hour.
	 */
	@Transactional(readOnly = true)
	public Booking booking(long mentorshipId, LocalDate from, Integer durationMinutes) {
		long me = this.tenancy.actor().id();
		SessionQueries.MentorshipRow m = participantMentorship(mentorshipId);
		int duration = durationMinutes == null ? 60 : durationMinutes;
		if (duration < MIN_DURATION || duration > MAX_DURATION) {
			throw new InvalidInputException("durationMinutes",
					"A session lasts from " + MIN_DURATION + " to " + MAX_DURATION + " minutes.");
		}
		ZoneId zone = this.queries.zoneOf(me);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate start = from == null || from.isBefore(today) ? today : from;
		Instant windowStart = start.atStartOfDay(zone).toInstant();
		if (windowStart.isBefore(now)) {
			windowStart = now;
		}
		Instant windowEnd = start.plusDays(BOOKING_DAYS).atStartOfDay(zone).toInstant();
		long other = m.mentorId() == me ? m.menteeId() : m.mentorId();
		Duration length = Duration.ofMinutes(duration);
		List<AvailabilityWindow> windows = this.overlap.freeSlots(me, other, windowStart, windowEnd, length);
		List<SessionQueries.Busy> busy = this.queries.busy(List.of(me, other), windowStart, windowEnd);
		List<ExternalBusyTimes.Interval> outside = new ArrayList<>();
		boolean consulted = false;
		boolean unavailable = false;
		for (ExternalBusyTimes calendars : this.externalCalendars) {
			ExternalBusyTimes.Answer answer = calendars.busy(List.of(me, other), windowStart, windowEnd);
			outside.addAll(answer.busy());
			consulted |= answer.consulted();
			unavailable |= answer.unavailable();
		}
		List<SessionSlot> slots = new ArrayList<>();
		for (AvailabilityWindow w : windows) {
			Instant t = ceilHalfHour(w.start());
			while (!t.plus(length).isAfter(w.end()) && slots.size() < MAX_SLOTS) {
				Instant end = t.plus(length);
				Instant slotStart = t;
				if (busy.stream().noneMatch(b -> b.overlaps(slotStart, end))
						&& outside.stream().noneMatch(b -> b.overlaps(slotStart, end))) {
					slots.add(new SessionSlot(t, end, SessionQueries.local(t, zone), SessionQueries.local(end, zone)));
				}
				t = t.plus(Duration.ofMinutes(30));
			}
		}
		String otherName = this.queries.names(List.of(other)).get(other);
		return new Booking(mentorshipId, m.mentorId() == me, other, otherName, zone.getId(), duration, start, slots,
				consulted, unavailable);
	}

	private static Instant ceilHalfHour(Instant instant) {
		Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
		while (floor.isBefore(instant)) {
			floor = floor.plus(Duration.ofMinutes(30));
		}
		return floor;
	}

	/** How far back the attendance view looks when no period is given. */
	public static final int ATTENDANCE_DEFAULT_DAYS = 30;

	/** A period of days, either end open (null). */
	public record DayPeriod(LocalDate from, LocalDate to) {
	}

	/**
	 * The period the attendance view shows: the one given, or, when neither end is, the last
	 * {@value #ATTENDANCE_DEFAULT_DAYS} days up to today in the caller's zone. Counting every
	 * session an institution ever held for the pager took half a second at 1,000,000 sessions.
	 */
	public DayPeriod attendancePeriod(LocalDate from, LocalDate to) {
		if (from != null || to != null) {
			return new DayPeriod(from, to);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), myZone());
		return new DayPeriod(today.minusDays(ATTENDANCE_DEFAULT_DAYS - 1), today);
	}

	/**
	 * The attendance across the caller's institution (administrator) or department (coordinator):
	 * confirmed and completed sessions, newest first, optionally of one attendance or status, in a
	 * period ({@link #attendancePeriod}: the last 30 days when none is given). Each row shown is audited as
	 * a read of the mentee's attendance (the FERPA disclosure log), in one batch.
	 */
	@Transactional
	public SessionPage<AttendanceRow> attendance(LocalDate from, LocalDate to, Attendance attendance,
			SessionStatus status, int page, int size) {
		if (!this.tenancy.hasRole("ADMIN") && !this.tenancy.hasRole("COORDINATOR")) {
			throw new AccessDeniedException("Only administrators and coordinators see attendance");
		}
		Tenancy.Scope scope = this.tenancy.scope();
		ZoneId zone = this.queries.zoneOf(this.tenancy.actor().id());
		DayPeriod period = attendancePeriod(from, to);
		from = period.from();
		to = period.to();
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("to", "The end of the period comes before its start.");
		}
		int safeSize = Math.max(1, Math.min(size, 200));
		int safePage = Math.max(0, Math.min(page, 10_000));
		SessionQueries.AttendanceCriteria criteria = new SessionQueries.AttendanceCriteria(scope.institutionId(),
				scope.departmentId(), from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), attendance, status);
		long total = this.queries.countAttendance(criteria);
		List<AttendanceRow> rows = total == 0 ? List.of()
				: this.queries.attendance(criteria, safeSize, (long) safePage * safeSize, zone);
		this.audit.recordAll(rows.stream()
			.map(row -> AuditRecord.of(ATTENDANCE_READ, "mentoring_sessions", row.sessionId()).about(row.menteeId()))
			.toList());
		return new SessionPage<>(rows, total, safePage, safeSize);
	}

	// ---------------------------------------------------------------- making

	/**
	 * Makes a session in an ACTIVE mentorship I take part in: PROPOSED when I am its mentor,
	 * REQUESTED when I am its mentee, or a PENDING draft (holds no time) when {@code draft}. Refused
	 * (400) when either person already has a session at that time.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public SessionView create(Long mentorshipId, SessionDraft draft, boolean asDraft) {
		Actor actor = this.tenancy.actor();
		long me = actor.id();
		if (mentorshipId == null) {
			throw new InvalidInputException("mentorshipId", "Choose one of your mentorships.");
		}
		SessionQueries.MentorshipRow m = participantMentorship(mentorshipId);
		if (!"ACTIVE".equals(m.status())) {
			throw new InvalidInputException("mentorshipId", "Sessions can only be planned inside an active mentorship; "
					+ "this one is " + m.status().toLowerCase(Locale.ROOT) + ".");
		}
		SessionDetails details = validate(draft, me);
		boolean asMentor = m.mentorId() == me;
		SessionStatus status = asDraft ? SessionStatus.PENDING
				: asMentor ? SessionStatus.PROPOSED : SessionStatus.REQUESTED;
		if (!asDraft) {
			requireFree(m.mentorId(), m.menteeId(), details.start(), details.durationMinutes(), null, "start");
		}
		Instant now = this.clock.instant();
		MentoringSession s = this.repository.saveAndFlush(MentoringSession.create(m.id(), m.mentorId(), m.menteeId(), me,
				status, details, UUID.randomUUID() + "@mentorhub", now));
		String action = asDraft ? "SESSION_DRAFTED" : asMentor ? "SESSION_PROPOSED" : "SESSION_REQUESTED";
		this.audit.record(AuditRecord.change(action, "session", s.getId(), null, state(s)));
		if (!asDraft) {
			publish(s, asMentor ? SessionProposed::new : SessionRequested::new, me, now);
		}
		return get(s.getId());
	}

	/** The creator sends a draft: PROPOSED (mentor) or REQUESTED (mentee); refused if the time is taken. */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public SessionView submit(long id, Long version) {
		MentoringSession s = load(id, version);
		long me = this.tenancy.actor().id();
		requireEntitled(s, SessionAction.SUBMIT);
		if (s.getStatus() != SessionStatus.PENDING) {
			throw new StateTransitionException("This session has been sent already.");
		}
		if (!s.getScheduledAt().isAfter(this.clock.instant())) {
			throw new InvalidInputException("start", "This draft's time has passed; make a new session.");
		}
		requireFree(s.getMentorId(), s.getMenteeId(), s.getScheduledAt(), s.getDurationMinutes(), s.getId(), "start");
		Map<String, Object> before = state(s);
		boolean asMentor = s.getMentorId() == me;
		Instant now = this.clock.instant();
		s.submit(asMentor ? SessionStatus.PROPOSED : SessionStatus.REQUESTED, now);
		finish(s, before, asMentor ? "SESSION_PROPOSED" : "SESSION_REQUESTED",
				asMentor ? SessionProposed::new : SessionRequested::new, now);
		return get(id);
	}

	// ---------------------------------------------------------------- answering

	/** The other party confirms: the mentee a mentor's proposal, the mentor a mentee's request. */
	@Transactional
	public SessionView confirm(long id, String message, Long version) {
		MentoringSession s = load(id, version);
		requireEntitled(s, SessionAction.CONFIRM);
		Map<String, Object> before = state(s);
		Instant now = this.clock.instant();
		s.confirm(optionalText("message", message, MAX_MESSAGE), now);
		finish(s, before, "SESSION_CONFIRMED", SessionConfirmed::new, now);
		return get(id);
	}

	/** The other party rejects a proposal or a request, with a message. */
	@Transactional
	public SessionView reject(long id, String message, Long version) {
		MentoringSession s = load(id, version);
		requireEntitled(s, SessionAction.REJECT);
		String clean = requiredText("message", message, MAX_MESSAGE, "Tell the other person why.");
		Map<String, Object> before = state(s);
		Instant now = this.clock.instant();
		s.reject(clean, now);
		finish(s, before, "SESSION_REJECTED", SessionRejected::new, now);
		return get(id);
	}

	// ---------------------------------------------------------------- rescheduling

	/**
	 * Either participant proposes a new time (in {@code zone}, blank for their account's) for a
	 * proposed, requested or confirmed session; the other then accepts or declines. The new time
	 * must be in the future and free for both.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public SessionView proposeNewTime(long id, String start, String zone, String message, Long version) {
		MentoringSession s = load(id, version);
		long me = this.tenancy.actor().id();
		List<FieldProblem> problems = new ArrayList<>();
		ZoneId zoneId = parseZone(zone, me, problems);
		Instant newStart = parseStart(start, zoneId, problems);
		String clean = null;
		try {
			clean = optionalText("message", message, MAX_MESSAGE);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (s.getStatus() == SessionStatus.RESCHEDULED) {
			throw new StateTransitionException("A new time is already waiting for an answer; accept or decline it first.");
		}
		if (newStart.equals(s.getScheduledAt())) {
			throw new InvalidInputException("start", "That is the session's current time; choose another.");
		}
		requireFree(s.getMentorId(), s.getMenteeId(), newStart, s.getDurationMinutes(), s.getId(), "start");
		Map<String, Object> before = state(s);
		Instant now = this.clock.instant();
		s.proposeTime(newStart, me, clean, now);
		finish(s, before, "SESSION_RESCHEDULE_PROPOSED",
				(session, actor, at) -> new SessionRescheduleProposed(session, newStart, actor, at), now);
		return get(id);
	}

	/** The other party accepts the new time: the session is CONFIRMED at it (if it is still free). */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public SessionView acceptNewTime(long id, String message, Long version) {
		MentoringSession s = load(id, version);
		requireEntitled(s, SessionAction.ACCEPT_TIME);
		String clean = optionalText("message", message, MAX_MESSAGE);
		if (s.getStatus() == SessionStatus.RESCHEDULED) {
			if (!s.getProposedDate().isAfter(this.clock.instant())) {
				throw new StateTransitionException("The proposed time has passed; propose another.");
			}
			requireFree(s.getMentorId(), s.getMenteeId(), s.getProposedDate(), s.getDurationMinutes(), s.getId(), "start");
		}
		Map<String, Object> before = state(s);
		Instant previousStart = s.getScheduledAt();
		Instant now = this.clock.instant();
		s.acceptTime(clean, now);
		finish(s, before, "SESSION_RESCHEDULED",
				(session, actor, at) -> new SessionRescheduled(session, previousStart, actor, at), now);
		return get(id);
	}

	/** The other party declines the new time: the session goes back to its previous status and time. */
	@Transactional
	public SessionView declineNewTime(long id, String message, Long version) {
		MentoringSession s = load(id, version);
		requireEntitled(s, SessionAction.DECLINE_TIME);
		String clean = optionalText("message", message, MAX_MESSAGE);
		Map<String, Object> before = state(s);
		Instant now = this.clock.instant();
		s.declineTime(clean, now);
		finish(s, before, "SESSION_RESCHEDULE_DECLINED", SessionRescheduleDeclined::new, now);
		return get(id);
	}

	// ---------------------------------------------------------------- ending

	/**
	 * Either participant cancels a session that is not over (a draft: its creator), saying why: the
	 * other participant reads the reason. A draft nobody else has seen needs none.
	 */
	@Transactional
	public SessionView cancel(long id, String reason, Long version) {
		MentoringSession s = load(id, version);
		String clean = optionalText("reason", reason, MAX_MESSAGE);
		// A session that cannot be cancelled any more says so (409) before a missing reason does (400).
		if (clean == null && s.getStatus() != SessionStatus.PENDING && SessionAction.CANCEL.possibleIn(s.getStatus())) {
			throw new InvalidInputException("reason", "Say why you cancel the session; the other person reads it.");
		}
		Map<String, Object> before = state(s);
		Instant now = this.clock.instant();
		s.cancel(clean, now);
		finish(s, before, "SESSION_CANCELLED", SessionCancelled::new, now);
		return get(id);
	}

	/**
	 * For the wellbeing module's leave coverage (a job, no signed-in user): cancels every upcoming
	 * session of the person (as mentor or mentee) on her behalf, with the message the other participant
	 * reads. Returns how many it cancelled; a second call finds none.
	 */
	@Transactional
	public int cancelUpcomingForLeave(long personId, String message) {
		Instant now = this.clock.instant();
		int cancelled = 0;
		for (MentoringSession s : this.repository.findUpcomingOf(personId, now, SessionStatus.CLOSED)) {
			if (!SessionAction.CANCEL.possibleIn(s.getStatus())) {
				continue;
			}
			Map<String, Object> before = state(s);
			s.cancel(message, now);
			this.repository.saveAndFlush(s);
			this.audit.record(AuditRecord.change("SESSION_CANCELLED", "session", s.getId(), before, state(s)));
			publish(s, SessionCancelled::new, personId, now);
			cancelled++;
		}
		return cancelled;
	}

	/**
	 * Either participant records a confirmed session once it has started: attendance, topic,
	 * summary and the next meeting's date; the session becomes COMPLETED.
	 */
	@Transactional
	public SessionView complete(long id, SessionRecordInput record, Long version) {
		MentoringSession s = load(id, version);
		List<FieldProblem> problems = new ArrayList<>();
		Attendance attendance = null;
		String rawAttendance = record == null ? null : strip(record.attendance());
		if (rawAttendance == null) {
			problems.add(new FieldProblem("attendance", "Choose the attendance."));
		}
		else {
			try {
				attendance = Attendance.valueOf(rawAttendance.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("attendance", "Choose one of PRESENT, LATE, ABSENT or EXCUSED."));
			}
		}
		String topic = collect(problems, () -> optionalText("topic", record == null ? null : record.topic(), MAX_TOPIC));
		String summary = collect(problems,
				() -> optionalText("summary", record == null ? null : record.summary(), MAX_TEXT));
		LocalDate next = null;
		String rawNext = record == null ? null : strip(record.nextMeetingOn());
		if (rawNext != null) {
			try {
				next = LocalDate.parse(rawNext);
				LocalDate sessionDay = LocalDate.ofInstant(s.getScheduledAt(), ZoneId.of("UTC"));
				if (next.isBefore(sessionDay)) {
					problems.add(new FieldProblem("nextMeetingOn", "The next meeting comes after this one."));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("nextMeetingOn", "Give the date as yyyy-mm-dd."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, Object> before = state(s);
		Instant now = this.clock.instant();
		s.complete(attendance, topic, summary, next, now);
		finish(s, before, "SESSION_COMPLETED", SessionCompleted::new, now);
		return get(id);
	}

	// ---------------------------------------------------------------- helpers

	private interface TextCheck {

		String get();

	}

	private static String collect(List<FieldProblem> problems, TextCheck check) {
		try {
			return check.get();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	/** Makes the event of a transition from the session as it is right after it. */
	@FunctionalInterface
	private interface Transition {

		SessionLifecycleEvent of(ScheduledSession session, Long actorId, Instant occurredAt);

	}

	private void finish(MentoringSession s, Map<String, Object> before, String action, Transition transition,
			Instant now) {
		this.repository.saveAndFlush(s);
		this.audit.record(AuditRecord.change(action, "session", s.getId(), before, state(s)));
		publish(s, transition, this.tenancy.actor().id(), now);
	}

	/** Published in this transaction; listeners run after the commit (event publication registry). */
	private void publish(MentoringSession s, Transition transition, long actor, Instant now) {
		this.events.publishEvent(transition.of(s.scheduled(), actor, now));
	}

	/** Refuses (400) a time either person has taken; locks both people first, in id order. */
	private void requireFree(long mentorId, long menteeId, Instant start, int durationMinutes, Long except,
			String field) {
		this.queries.lockPeople(mentorId, menteeId);
		Instant end = start.plusSeconds(durationMinutes * 60L);
		List<SessionQueries.Busy> busy = this.queries.busy(List.of(mentorId, menteeId), start, end).stream()
			.filter(b -> except == null || b.id() != except)
			.toList();
		if (!busy.isEmpty()) {
			throw new InvalidInputException(field, "That time overlaps another session of yours or of the other person; "
					+ "choose a free slot.");
		}
	}

	SessionDetails validate(SessionDraft draft, long me) {
		if (draft == null) {
			throw new InvalidInputException("title", "Give the session a title.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String title = strip(draft.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "Give the session a title."));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "Keep the title to at most " + MAX_TITLE + " characters."));
		}
		String description = collect(problems, () -> optionalText("description", draft.description(), MAX_TEXT));
		String agenda = collect(problems, () -> optionalText("agenda", draft.agenda(), MAX_TEXT));
		ZoneId zone = parseZone(draft.zone(), me, problems);
		Instant start = parseStart(draft.start(), zone, problems);
		Integer duration = draft.durationMinutes();
		if (duration == null) {
			problems.add(new FieldProblem("durationMinutes", "Give the duration in minutes."));
		}
		else if (duration < MIN_DURATION || duration > MAX_DURATION) {
			problems.add(new FieldProblem("durationMinutes",
					"A session lasts from " + MIN_DURATION + " to " + MAX_DURATION + " minutes."));
		}
		SessionMode mode = SessionMode.ONLINE;
		String rawMode = strip(draft.mode());
		if (rawMode != null) {
			try {
				mode = SessionMode.valueOf(rawMode.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("mode", "Choose in person, online or phone."));
			}
		}
		String location = collect(problems, () -> optionalText("location", draft.location(), MAX_LOCATION));
		String link = strip(draft.meetingLink());
		if (link != null) {
			if (link.length() > MAX_LINK) {
				problems.add(new FieldProblem("meetingLink", "Keep the link to at most " + MAX_LINK + " characters."));
			}
			else if (!isWebLink(link)) {
				problems.add(new FieldProblem("meetingLink", "Give a web address that starts with https:// or http://."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SessionDetails(title, description, agenda, start, zone, duration, mode, location, link);
	}

	static boolean isWebLink(String link) {
		try {
			URI uri = new URI(link);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private ZoneId parseZone(String zone, long me, List<FieldProblem> problems) {
		String raw = strip(zone);
		if (raw == null) {
			return this.queries.zoneOf(me);
		}
		try {
			return ZoneId.of(raw);
		}
		catch (RuntimeException ex) {
			problems.add(new FieldProblem("zone", "Choose a time zone such as Europe/Berlin or America/New_York."));
			return null;
		}
	}

	private Instant parseStart(String start, ZoneId zone, List<FieldProblem> problems) {
		String raw = strip(start);
		if (raw == null) {
			problems.add(new FieldProblem("start", "Give the date and time."));
			return null;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(raw).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				LocalDateTime local = LocalDateTime.parse(raw);
				if (zone == null) {
					return null;
				}
				instant = local.atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("start", "Give the date and time as yyyy-mm-ddThh:mm."));
				return null;
			}
		}
		Instant now = this.clock.instant();
		if (!instant.isAfter(now)) {
			problems.add(new FieldProblem("start", "Choose a time in the future."));
			return null;
		}
		if (instant.isAfter(now.plus(HORIZON))) {
			problems.add(new FieldProblem("start", "Plan at most two years ahead."));
			return null;
		}
		return instant;
	}

	private SessionQueries.MentorshipRow participantMentorship(long mentorshipId) {
		long me = this.tenancy.actor().id();
		return this.queries.mentorship(mentorshipId)
			.filter(m -> m.mentorId() == me || m.menteeId() == me)
			.orElseThrow(() -> new NotFoundException("Mentorship not found"));
	}

	private MentoringSession load(long id, Long version) {
		long me = this.tenancy.actor().id();
		MentoringSession s = this.repository.findById(id).orElseThrow(Sessions::notFound);
		if (!s.isParticipant(me) || (s.getStatus() == SessionStatus.PENDING
				&& (s.getCreatedById() == null || s.getCreatedById() != me))) {
			throw notFound();
		}
		if (version != null && version != s.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(MentoringSession.class, id);
		}
		return s;
	}

	/**
	 * Refuses (403) a participant whose relation to the session does not allow the action, asking the
	 * entity the same question that {@link MentoringSession#actionsFor} asks; the status is the
	 * transition's guard (409).
	 */
	private void requireEntitled(MentoringSession s, SessionAction action) {
		if (!s.entitles(action, this.tenancy.actor().id())) {
			throw new AccessDeniedException(switch (action) {
				case CONFIRM, REJECT -> s.getStatus() == SessionStatus.PROPOSED
						? "Only the mentee answers a mentor's proposal" : "Only the mentor answers a mentee's request";
				case ACCEPT_TIME, DECLINE_TIME -> "The other person answers the new time you proposed";
				case SUBMIT -> "Only the creator of a draft sends it";
				default -> "Only the mentor and the mentee of the session do this";
			});
		}
	}

	private List<SessionView> withActions(List<SessionView> views, long me) {
		Instant now = this.clock.instant();
		return views.stream().map(v -> v.withActions(MentoringSession.actionsFor(v, me, now))).toList();
	}

	private static String optionalText(String field, String text, int max) {
		String clean = strip(text);
		if (clean != null && clean.length() > max) {
			throw new InvalidInputException(field, "Keep it to at most " + max + " characters.");
		}
		return clean;
	}

	private static String requiredText(String field, String text, int max, String missing) {
		String clean = optionalText(field, text, max);
		if (clean == null) {
			throw new InvalidInputException(field, missing);
		}
		return clean;
	}

	private static Map<String, Object> state(MentoringSession s) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", s.getStatus().name());
		state.put("mentorshipId", s.getMentorshipId());
		state.put("title", s.getTitle());
		state.put("scheduledAt", s.getScheduledAt().toString());
		state.put("durationMinutes", s.getDurationMinutes());
		state.put("proposedDate", s.getProposedDate() == null ? null : s.getProposedDate().toString());
		state.put("proposedById", s.getProposedById());
		state.put("attendance", s.getAttendance() == null ? null : s.getAttendance().name());
		state.put("icalSequence", s.getIcalSequence());
		return state;
	}

	static String strip(String text) {
		if (text == null) {
			return null;
		}
		String s = text.strip();
		return s.isEmpty() ? null : s;
	}

	private static NotFoundException notFound() {
		return new NotFoundException("Session not found");
	}

}
