package org.mentorhub.report.program;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.mentorhub.alert.AlertStatistics;
import org.mentorhub.alert.RelationshipHealthStatus;
import org.mentorhub.alert.RelationshipHealths;
import org.mentorhub.goal.GoalStatistics;
import org.mentorhub.identity.People;
import org.mentorhub.identity.PeopleStatistics;
import org.mentorhub.learning.LearningStatistics;
import org.mentorhub.mentorship.MentorshipStatistics;
import org.mentorhub.mentorship.MentorshipStatus;
import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.LocalCaches;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.Tenancy.Scope;
import org.mentorhub.profile.ProfileStatistics;
import org.mentorhub.report.program.ProgramReport.ProgramChange;
import org.mentorhub.report.program.ProgramReport.ProgramCount;
import org.mentorhub.report.program.ProgramReport.ProgramGoalStatus;
import org.mentorhub.report.program.ProgramReport.ProgramHealthWeek;
import org.mentorhub.report.program.ProgramReport.ProgramMentorships;
import org.mentorhub.report.program.ProgramReport.ProgramMonth;
import org.mentorhub.report.program.ProgramReport.ProgramOutcomes;
import org.mentorhub.report.program.ProgramReport.ProgramParticipation;
import org.mentorhub.report.program.ProgramReport.ProgramRating;
import org.mentorhub.report.program.ProgramReport.ProgramSessions;
import org.mentorhub.report.program.ProgramReport.ProgramWeek;
import org.mentorhub.session.Attendance;
import org.mentorhub.session.SessionMode;
import org.mentorhub.session.SessionStatistics;
import org.mentorhub.session.SessionStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import com.github.benmanes.caffeine.cache.Cache;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program dashboard (issue 21): composes the aggregates of the business modules' statistics
 * facades for the caller's scope (an administrator's institution, optionally narrowed to one of its
 * departments; a coordinator's own department) into a {@link ProgramReport}. A fixed number of
 * statements whatever the size of the data: every facade groups in SQL, and the weeks, months,
 * medians and the comparison with the previous period are worked out here from the grouped rows
 * (date arithmetic differs per database vendor).
 */
@Service
@Transactional(readOnly = true)
public class ProgramDashboards {

	/** Groups smaller than this are suppressed: no figure may reveal one person. */
	public static final int MINIMUM_GROUP = 3;

	/** The longest period a dashboard covers. */
	public static final int MAX_DAYS = 366;

	/** The period shown when none is given: the last 90 days up to today. */
	static final int DEFAULT_DAYS = 90;

	private final Tenancy tenancy;

	private final Organizations organizations;

	private final People people;

	private final PeopleStatistics peopleStatistics;

	private final ProfileStatistics profileStatistics;

	private final MentorshipStatistics mentorshipStatistics;

	private final SessionStatistics sessionStatistics;

	private final GoalStatistics goalStatistics;

	private final LearningStatistics learningStatistics;

	private final AlertStatistics alertStatistics;

	private final RelationshipHealths healths;

	private final MessageSource messages;

	private final Clock clock;

	/**
	 * How long a dashboard is kept once computed ({@code mentorhub.platform.caches.ttl.program-dashboards}):
	 * at university scale one computation reads hundreds of thousands of sessions (docs/reports.md, "Speed").
	 */
	static final Duration KEPT = Duration.ofMinutes(5);

	/** A computed dashboard: the scope, the period, the kind of program and the language of its labels. */
	private record Key(long institutionId, Long departmentId, LocalDate from, LocalDate to, ProgramKind kind,
			Locale locale) {
	}

	private final Cache<Key, ProgramReport> kept;

	private final Duration keptFor;

	ProgramDashboards(Tenancy tenancy, Organizations organizations, People people, PeopleStatistics peopleStatistics,
			ProfileStatistics profileStatistics, MentorshipStatistics mentorshipStatistics,
			SessionStatistics sessionStatistics, GoalStatistics goalStatistics, LearningStatistics learningStatistics,
			AlertStatistics alertStatistics, RelationshipHealths healths, MessageSource messages, Clock clock,
			LocalCaches caches) {
		this.healths = healths;
		this.tenancy = tenancy;
		this.organizations = organizations;
		this.people = people;
		this.peopleStatistics = peopleStatistics;
		this.profileStatistics = profileStatistics;
		this.mentorshipStatistics = mentorshipStatistics;
		this.sessionStatistics = sessionStatistics;
		this.goalStatistics = goalStatistics;
		this.learningStatistics = learningStatistics;
		this.alertStatistics = alertStatistics;
		this.messages = messages;
		this.clock = clock;
		this.kept = caches.create("program-dashboards", KEPT, 1_000);
		this.keptFor = caches.ttlOf("program-dashboards", KEPT);
	}

	/** How long a computed dashboard is kept (the page says so beside its "as of" time). */
	public Duration keptFor() {
		return this.keptFor;
	}

	/** A period of whole UTC days, both ends included. */
	public record Period(LocalDate from, LocalDate to) {

		/** Days in the period. */
		public long days() {
			return ChronoUnit.DAYS.between(this.from, this.to) + 1;
		}

		/** The period of the same length just before this one. */
		public Period previous() {
			return new Period(this.from.minusDays(days()), this.from.minusDays(1));
		}

	}

	/**
	 * The period asked for: yyyy-mm-dd texts, blank for the default (the last {@value #DEFAULT_DAYS}
	 * days up to today, UTC); fails with field problems on a text that is not a date, an end before the
	 * start, or more than {@value #MAX_DAYS} days.
	 */
	public Period period(String from, String to) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate end = parse(to, "to", problems);
		LocalDate start = parse(from, "from", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		end = end == null ? today : end;
		start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", text("report.program.error.order"));
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw new InvalidInputException("to", text("report.program.error.long", MAX_DAYS));
		}
		return new Period(start, end);
	}

	private LocalDate parse(String text, String field, List<InvalidInputException.FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.add(new InvalidInputException.FieldProblem(field, text("report.program.error.date")));
			return null;
		}
	}

	/**
	 * The caller's scope for a dashboard: administrators their institution, or one of its departments
	 * (another institution's department is not found); coordinators their own department (another one
	 * is refused). Everybody else is refused.
	 */
	public Scope scope(Long departmentId) {
		if (!this.tenancy.hasRole("ADMIN") && !this.tenancy.hasRole("COORDINATOR")) {
			throw new AccessDeniedException("The program dashboard is for administrators and coordinators");
		}
		Scope own = this.tenancy.scope();
		if (departmentId == null) {
			return own;
		}
		if (own.departmentId() != null) {
			if (!own.departmentId().equals(departmentId)) {
				throw new AccessDeniedException("A coordinator sees their own department only");
			}
			return own;
		}
		DepartmentSummary department = this.organizations.findDepartment(departmentId)
			.filter(d -> d.institutionId() == own.institutionId())
			.orElseThrow(() -> new NotFoundException("No such department"));
		return new Scope(own.institutionId(), department.id());
	}

	/** The departments the caller may choose: all of an administrator's institution, a coordinator's own. */
	public List<DepartmentSummary> departmentChoices(Scope own) {
		if (own.departmentId() != null) {
			return this.organizations.findDepartment(own.departmentId()).stream().toList();
		}
		return this.organizations.departmentsOf(own.institutionId());
	}

	/** The dashboard of the scope over the period, every kind of program. */
	public ProgramReport report(Scope scope, Period period) {
		return report(scope, period, null);
	}

	/**
	 * The mentees of the kind of program asked for in the scope's institution ({@code kind} parameter; blank:
	 * every mentee, without a statement), for the sessions list and export; 400 when unknown.
	 */
	public MenteeGroup mentees(Scope scope, String kindText) {
		ProgramKind kind = ProgramKind.parse(kindText);
		return kind == null ? MenteeGroup.ALL : ProgramKind.mentees(kind,
				this.organizations.findInstitution(scope.institutionId()).map(InstitutionSummary::kind).orElse(null));
	}

	/** The pairs behind the health figure: the scope, the health and kind asked for, and one page of them. */
	public record HealthList(Scope scope, RelationshipHealthStatus health, String kind,
			RelationshipHealths.RelationshipHealthPage pairs) {
	}

	/** The most pairs on one page of the list behind the health figure. */
	public static final int HEALTH_PAGE_SIZE = 50;

	/**
	 * The active mentorships behind the dashboard's health figure: the dashboard's scope (an administrator's
	 * institution or one of its departments, a coordinator's own department; another one is 403, another
	 * institution's 404, anyone without the dashboard 403), of one health (blank: all; unknown: 400) and one
	 * kind of program (unknown: 400), stalled first, as the health job last computed them.
	 */
	public HealthList healthList(Long departmentId, String health, String kindText, int page, int size) {
		Scope scope = scope(departmentId);
		RelationshipHealthStatus status = RelationshipHealths.status(health);
		MenteeGroup mentees = mentees(scope, kindText);
		return new HealthList(scope, status, kindCode(kindText),
				this.healths.listIn(scope, mentees, health, page, size));
	}

	/** The kind of program asked for ({@code kind} parameter): null when blank, 400 when unknown. */
	public static String kindCode(String text) {
		ProgramKind kind = ProgramKind.parse(text);
		return kind == null ? null : kind.code;
	}

	/**
	 * The dashboard of the scope over the period, its mentorship, session and outcome figures narrowed to
	 * one kind of program (null: every kind; see {@link ProgramKind}); the participation figures are
	 * about everybody in the scope.
	 */
	public ProgramReport report(Scope scope, Period period, String kindText) {
		ProgramKind kind = ProgramKind.parse(kindText);
		// Kept for everyone asking for the same scope, period, kind and language: the callers have checked
		// the caller's access to the scope before, on every request.
		return this.kept.get(new Key(scope.institutionId(), scope.departmentId(), period.from(), period.to(), kind,
				LocaleContextHolder.getLocale()), key -> compute(scope, period, kind));
	}

	private ProgramReport compute(Scope scope, Period period, ProgramKind kind) {
		Period previous = period.previous();
		LocalDate end = period.to().plusDays(1);
		InstitutionSummary institution = this.organizations.findInstitution(scope.institutionId()).orElse(null);
		MenteeGroup mentees = ProgramKind.mentees(kind, institution == null ? null : institution.kind());

		// Participation: now.
		List<ProgramCount> roles = this.peopleStatistics.peopleByRole(scope).stream()
			.map(r -> count(r.role().name(), "role." + r.role().name(), r.people()))
			.toList();
		ProfileStatistics.Participation participation = this.profileStatistics.participation(scope);
		List<MentorshipStatistics.StatusCount> statuses = this.mentorshipStatistics.byStatus(scope, mentees);
		long waiting = statuses.stream()
			.filter(s -> s.status() == MentorshipStatus.REQUESTED || s.status() == MentorshipStatus.PROPOSED
					|| s.status() == MentorshipStatus.ACCEPTED)
			.mapToLong(MentorshipStatistics.StatusCount::mentorships)
			.sum();
		List<Double> matchDays = this.mentorshipStatistics.matchTimes(scope, period.from(), end, mentees).stream()
			.filter(m -> m.requestedAt() != null && m.assignedAt() != null)
			.map(m -> hoursBetween(m.requestedAt(), m.assignedAt()) / 24.0)
			.toList();

		// Mentorships.
		List<ProgramCount> byStatus = statuses.stream()
			.map(s -> count(s.status().name(), "status." + s.status().name(), s.mentorships()))
			.toList();
		List<MentorshipStatistics.DayCount> mentorshipDays = this.mentorshipStatistics
			.startedAndEndedPerDay(scope, previous.from(), end, mentees);
		Map<YearMonth, long[]> months = new TreeMap<>();
		for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
			months.put(m, new long[2]);
		}
		long started = 0, ended = 0, startedBefore = 0, endedBefore = 0;
		for (MentorshipStatistics.DayCount day : mentorshipDays) {
			if (day.onDay().isBefore(period.from())) {
				startedBefore += day.started() ? day.mentorships() : 0;
				endedBefore += day.started() ? 0 : day.mentorships();
				continue;
			}
			months.get(YearMonth.from(day.onDay()))[day.started() ? 0 : 1] += day.mentorships();
			started += day.started() ? day.mentorships() : 0;
			ended += day.started() ? 0 : day.mentorships();
		}
		List<ProgramMonth> perMonth = months.entrySet().stream()
			.map(e -> new ProgramMonth(e.getKey().toString(), e.getValue()[0], e.getValue()[1]))
			.toList();
		MentorshipStatistics.Rematches rematches = this.mentorshipStatistics.rematches(scope, previous.from(),
				period.from(), end, MINIMUM_GROUP, mentees);
		Map<RelationshipHealthStatus, Long> healthNow = new EnumMap<>(RelationshipHealthStatus.class);
		for (RelationshipHealthStatus health : RelationshipHealthStatus.values()) {
			healthNow.put(health, 0L);
		}
		List<ProgramHealthWeek> healthWeeks = new ArrayList<>();
		List<ProgramHealthWeek> healthWeeksBefore = new ArrayList<>();
		healthPerWeek(scope, period, previous, mentees, healthWeeks, healthWeeksBefore)
			.forEach(h -> healthNow.put(h.health(), h.mentorships()));
		List<ProgramCount> health = healthNow.entrySet().stream()
			.map(e -> count(e.getKey().name(), "enum.RelationshipHealthStatus." + e.getKey().name(), e.getValue()))
			.toList();
		List<ProgramCount> reasons = this.mentorshipStatistics.endReasons(scope, period.from(), end, MINIMUM_GROUP, mentees)
			.stream()
			.map(r -> new ProgramCount(r.reason(), r.reason(), r.mentorships()))
			.toList();

		// Sessions.
		Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
		for (LocalDate w = monday(period.from()); !w.isAfter(period.to()); w = w.plusWeeks(1)) {
			weeks.put(w, new LinkedHashMap<>());
		}
		Map<SessionStatus, Long> sessionStatuses = new EnumMap<>(SessionStatus.class);
		Map<SessionMode, Long> sessionModes = new EnumMap<>(SessionMode.class);
		for (SessionMode mode : SessionMode.values()) {
			sessionModes.put(mode, 0L);
		}
		long scheduled = 0, attended = 0, absent = 0, completedBefore = 0, absentBefore = 0, completed = 0;
		for (SessionStatistics.DayCount day : this.sessionStatistics.perDay(scope, previous.from(), end, mentees)) {
			boolean noShow = day.attendance() == Attendance.ABSENT;
			if (day.onDay().isBefore(period.from())) {
				completedBefore += day.status() == SessionStatus.COMPLETED ? day.sessions() : 0;
				absentBefore += noShow ? day.sessions() : 0;
				continue;
			}
			weeks.get(monday(day.onDay())).merge(day.status().name(), day.sessions(), Long::sum);
			sessionStatuses.merge(day.status(), day.sessions(), Long::sum);
			sessionModes.merge(day.sessionMode(), day.sessions(), Long::sum);
			scheduled += day.sessions();
			completed += day.status() == SessionStatus.COMPLETED ? day.sessions() : 0;
			attended += day.attendance() == Attendance.PRESENT || day.attendance() == Attendance.LATE ? day.sessions() : 0;
			absent += noShow ? day.sessions() : 0;
		}
		List<ProgramWeek> perWeek = weeks.entrySet().stream()
			.map(e -> new ProgramWeek(e.getKey(), e.getValue(),
					e.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.toList();
		List<ProgramCount> sessionsByStatus = sessionStatuses.entrySet().stream()
			.map(e -> count(e.getKey().name(), "status." + e.getKey().name(), e.getValue()))
			.toList();
		List<ProgramCount> sessionsByMode = sessionModes.entrySet().stream()
			.map(e -> count(e.getKey().name(), "session.mode." + e.getKey().name(), e.getValue()))
			.toList();
		Double attendanceRate = attended + absent < MINIMUM_GROUP ? null
				: round(100.0 * attended / (attended + absent));
		SessionStatistics.ConfirmationMedians confirmations = this.sessionStatistics.confirmationMedians(scope,
				previous.from(), period.from(), end, MINIMUM_GROUP, mentees);

		// Outcomes.
		List<SessionStatistics.RatingTotal> ratings = this.sessionStatistics.mentorRatings(scope, period.from(), end,
				MINIMUM_GROUP, mentees);
		ProgramRating overall = ratings.stream()
			.filter(r -> r.mentorId() == null && r.departmentId() == null)
			.findFirst()
			.map(r -> new ProgramRating(null, text("report.program.rating.all"), r.answers(), round(r.average())))
			.orElse(null);
		Map<Long, String> departmentNames = departmentChoices(new Scope(scope.institutionId(), null)).stream()
			.collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
		List<ProgramRating> byDepartment = ratings.stream()
			.filter(r -> r.departmentId() != null)
			.map(r -> new ProgramRating(r.departmentId(), departmentNames.getOrDefault(r.departmentId(), "?"),
					r.answers(), round(r.average())))
			.toList();
		List<SessionStatistics.RatingTotal> mentorRatings = ratings.stream().filter(r -> r.mentorId() != null).toList();
		Map<Long, String> mentorNames = mentorRatings.isEmpty() ? Map.of()
				: this.people.names(mentorRatings.stream().map(SessionStatistics.RatingTotal::mentorId).toList());
		List<ProgramRating> byMentor = mentorRatings.stream()
			.map(r -> new ProgramRating(r.mentorId(), mentorNames.getOrDefault(r.mentorId(), "?"), r.answers(),
					round(r.average())))
			.toList();
		List<ProgramGoalStatus> goals = this.goalStatistics.byStatus(scope, mentees).stream()
			.map(g -> new ProgramGoalStatus(g.status().name(), text("status." + g.status().name()), g.goals(),
					round(g.averageProgress())))
			.toList();
		LearningStatistics.PathCounts paths = this.learningStatistics.pathsStartedAndCompleted(scope, previous.from(),
				period.from(), end, mentees);
		long opened = 0, closed = 0, openedBefore = 0, closedBefore = 0;
		for (AlertStatistics.DayCount day : this.alertStatistics.openedAndClosedPerDay(scope, previous.from(), end, mentees)) {
			boolean before = day.onDay().isBefore(period.from());
			if (day.opened()) {
				if (before) {
					openedBefore += day.alerts();
				}
				else {
					opened += day.alerts();
				}
			}
			else if (before) {
				closedBefore += day.alerts();
			}
			else {
				closed += day.alerts();
			}
		}
		List<Double> closeHours = this.alertStatistics.closeTimes(scope, period.from(), end, mentees).stream()
			.map(c -> hoursBetween(c.openedAt(), c.closedAt()))
			.toList();
		long overdue = this.alertStatistics.overdue(scope, mentees);

		List<ProgramChange> comparison = List.of(change("sessionsCompleted", completed, completedBefore),
				change("noShows", absent, absentBefore), change("mentorshipsStarted", started, startedBefore),
				change("mentorshipsEnded", ended, endedBefore), change("pathsStarted", paths.started(), paths.startedBefore()),
				change("pathsCompleted", paths.completed(), paths.completedBefore()),
				change("alertsOpened", opened, openedBefore), change("alertsClosed", closed, closedBefore));

		String institutionName = institution == null ? "" : institution.name();
		return new ProgramReport(period.from(), period.to(), previous.from(), previous.to(), institutionName,
				scope.departmentId(),
				scope.departmentId() == null ? null : departmentNames.get(scope.departmentId()),
				kind == null ? null : kind.code,
				new ProgramParticipation(roles, participation.onboardingCompleted(), participation.mentors(),
						participation.mentorsAtCapacity(), waiting, matchDays.size(), median(matchDays)),
				new ProgramMentorships(byStatus, perMonth, reasons, rematches.current(), rematches.previous(), health,
						healthWeeks, healthWeeksBefore),
				new ProgramSessions(perWeek, sessionsByStatus, sessionsByMode, scheduled, attended, absent, attendanceRate,
						confirmations.confirmed(), confirmations.medianHours(), confirmations.medianHoursBefore()),
				new ProgramOutcomes(overall, byDepartment, byMentor, goals, paths.started(), paths.completed(), opened,
						closed, overdue, median(closeHours)),
				comparison, this.clock.instant());
	}

	/**
	 * The relationship health at the end of each week of the period and of the previous one (into the two
	 * lists), and now (returned), in one statement ({@link AlertStatistics#healthNowAndAt}): a week's end is the
	 * next Monday 00:00 UTC, or the day after the period's last day if sooner, or now if that is still to come.
	 */
	private List<AlertStatistics.HealthCount> healthPerWeek(Scope scope, Period period, Period previous,
			MenteeGroup mentees, List<ProgramHealthWeek> current, List<ProgramHealthWeek> before) {
		LocalDateTime now = LocalDateTime.now(this.clock.withZone(ZoneOffset.UTC));
		List<LocalDateTime> instants = new ArrayList<>();
		List<LocalDate> starts = new ArrayList<>();
		int currentFrom = 0;
		for (Period p : List.of(previous, period)) {
			if (p == period) {
				currentFrom = instants.size();
			}
			for (LocalDate w = monday(p.from()); !w.isAfter(p.to()); w = w.plusWeeks(1)) {
				LocalDate end = w.plusWeeks(1).isAfter(p.to().plusDays(1)) ? p.to().plusDays(1) : w.plusWeeks(1);
				LocalDateTime at = end.atStartOfDay().isAfter(now) ? now : end.atStartOfDay();
				instants.add(at);
				starts.add(w);
			}
		}
		Map<LocalDateTime, Map<RelationshipHealthStatus, Long>> counts = new java.util.HashMap<>();
		AlertStatistics.HealthFigures figures = this.alertStatistics.healthNowAndAt(scope,
				instants.stream().distinct().toList(), mentees);
		for (AlertStatistics.HealthAt h : figures.at()) {
			counts.computeIfAbsent(h.at(), k -> new EnumMap<>(RelationshipHealthStatus.class)).put(h.health(),
					h.mentorships());
		}
		for (int i = 0; i < instants.size(); i++) {
			Map<RelationshipHealthStatus, Long> c = counts.getOrDefault(instants.get(i), Map.of());
			ProgramHealthWeek week = new ProgramHealthWeek(starts.get(i), instants.get(i),
					c.getOrDefault(RelationshipHealthStatus.HEALTHY, 0L), c.getOrDefault(RelationshipHealthStatus.AT_RISK, 0L),
					c.getOrDefault(RelationshipHealthStatus.STALLED, 0L));
			(i < currentFrom ? before : current).add(week);
		}
		return figures.now();
	}

	private ProgramChange change(String code, long current, long previous) {
		Double percent = previous == 0 ? null : round(100.0 * (current - previous) / previous);
		return new ProgramChange(code, text("report.program.change." + code), current, previous, percent);
	}

	private ProgramCount count(String code, String key, long count) {
		return new ProgramCount(code, text(key), count);
	}

	/** The median, or null below {@link #MINIMUM_GROUP} values; one decimal. */
	static Double median(List<Double> values) {
		if (values.size() < MINIMUM_GROUP) {
			return null;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return round(median);
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static double hoursBetween(LocalDateTime from, LocalDateTime to) {
		return Duration.between(from, to).toSeconds() / 3600.0;
	}

	static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}


}
