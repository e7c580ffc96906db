package org.mentorhub.report;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.learning.LearningPaths;
import org.mentorhub.learning.ProgressView;
import org.mentorhub.messaging.Conversations;
import org.mentorhub.mentorship.MentorshipStatistics;
import org.mentorhub.session.SessionStatistics;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.profile.Onboarding;
import org.mentorhub.platform.LocalCaches;
import org.mentorhub.report.HomeQueries.AlertRow;
import org.mentorhub.report.HomeQueries.Count;
import org.mentorhub.report.HomeQueries.DepartmentRow;
import org.mentorhub.report.HomeQueries.GoalRow;
import org.mentorhub.report.HomeQueries.GroupRow;
import org.mentorhub.report.HomeQueries.InstitutionRow;
import org.mentorhub.report.HomeQueries.ManagerBacklog;
import org.mentorhub.report.HomeQueries.ManagerTodo;
import org.mentorhub.report.HomeQueries.MentorshipRow;
import org.mentorhub.report.HomeQueries.MilestoneRow;
import org.mentorhub.report.HomeQueries.ParticipantTodo;
import org.mentorhub.report.HomeQueries.SessionRow;
import org.mentorhub.wellbeing.CoveragePlans;
import org.mentorhub.wellbeing.CoveragePlans.CoveragePlan;
import com.github.benmanes.caffeine.cache.Cache;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * The dashboards of the home page, one per role, chosen by the user's primary role. Each shows only
 * what that role may see: the platform administrator sees institutions and counts, an administrator
 * the institution, a coordinator the department, a mentor their mentees, a mentee their own
 * mentorship, sessions and goals. A dashboard is read in one read-only transaction (one connection,
 * one commit), not one per panel.
 * <p>
 * Each dashboard opens with its next actions ({@link NextAction}): what waits for the user, each a
 * link to the page that does it, worked out in one statement per role (plus the sessions waiting to
 * be recorded for a participant), whatever the size of the data. Times are shown in the viewer's
 * zone, named once per card.
 * <p>
 * The figures of an administrator's and a coordinator's dashboard that count over the whole institution
 * or department (people by role, mentorships by status, the departments' members, sessions completed,
 * quiet mentorships and unmatched mentees) are kept for {@link #FIGURES_TTL} per institution or
 * department ({@link Figures}, a cache of {@link LocalCaches}) and labelled with the time they were
 * read; the lists, the approvals waiting and everything about the viewer are read on every request.
 * <p>
 * Every dashboard but the mentor's is read into one record ({@link MenteeHome}, {@link NewMotherHome},
 * {@link PlatformHome}, {@link AdminHome}, {@link CoordinatorHome}); the page shows it and its JSON twin
 * ({@link HomeDashboardRestController}) returns it, so both carry the same figures from the same calls.
 */
@Component
@Transactional(readOnly = true)
class HomeDashboards {

	/** The period of an institution's or department's "sessions completed" figure. */
	static final Duration RECENT = Duration.ofDays(30);

	private final HomeQueries queries;

	private final Organizations organizations;

	private final Onboarding onboarding;

	private final Clock clock;

	private final Cache<Scope, Figures> figures;

	private final MenteeGlances glances;

	private final LearningPaths learning;

	private final Conversations conversations;

	private final MentorshipStatistics mentorshipStatistics;

	private final SessionStatistics sessionStatistics;

	private final CoveragePlans coverage;

	HomeDashboards(HomeQueries queries, Organizations organizations, Onboarding onboarding, Clock clock,
			LocalCaches caches, MenteeGlances glances, LearningPaths learning, Conversations conversations,
			MentorshipStatistics mentorshipStatistics, SessionStatistics sessionStatistics, CoveragePlans coverage) {
		this.coverage = coverage;
		this.mentorshipStatistics = mentorshipStatistics;
		this.sessionStatistics = sessionStatistics;
		this.queries = queries;
		this.glances = glances;
		this.learning = learning;
		this.conversations = conversations;
		this.organizations = organizations;
		this.onboarding = onboarding;
		this.clock = clock;
		this.figures = caches.create("home-figures", FIGURES_TTL, 10_000);
	}

	/** How long an institution's or department's figures are kept ({@code mentorhub.platform.caches.ttl.home-figures}). */
	static final Duration FIGURES_TTL = Duration.ofSeconds(60);

	/** An institution (department null) or one of its departments. */
	record Scope(long institutionId, Long departmentId) {
	}

	/**
	 * The figures of a scope that may be a minute old, and when they were read: counts over the whole
	 * institution or department, the same for every manager of it (nothing about the viewer). People by
	 * role and the departments are read for an institution only.
	 */
	record Figures(List<Count> usersByRole, List<Count> mentorshipsByStatus, List<DepartmentRow> departments,
			long completedSessions, ManagerBacklog backlog, Instant asOf) {
	}

	/** The scope's figures: kept ones, or read now (one reader per scope at a time). */
	private Figures figures(long institutionId, Long departmentId) {
		return this.figures.get(new Scope(institutionId, departmentId), scope -> {
			Instant now = this.clock.instant();
			boolean institution = departmentId == null;
			return new Figures(institution ? this.queries.usersByRole(institutionId) : List.of(),
					this.queries.mentorshipsByStatus(institutionId, departmentId),
					institution ? this.queries.departments(institutionId) : List.of(),
					this.queries.completedSessionsBetween(institutionId, departmentId, now.minus(RECENT), now),
					this.queries.managerBacklog(institutionId, departmentId, now.minus(QUIET)), now);
		});
	}

	/** What waits for a participant, and the zone their times are shown in. */
	record ParticipantActions(ZoneId zone, List<NextAction> nextActions) {
	}

	/**
	 * The mentee's own cards (a new mother's page shows them too): next actions, mentors, upcoming sessions
	 * (the first is the next one), goals, the learning paths shown (at most {@link #LEARNING_SHOWN}, unfinished
	 * first) of {@code learningTotal}, and unread direct messages.
	 */
	record MenteeHome(ZoneId zone, List<NextAction> nextActions, List<MentorshipRow> mentorships,
			List<SessionRow> sessions, List<GoalRow> goals, List<ProgressView> learning, int learningTotal,
			long unreadMessages) {
	}

	/** The new mother's dashboard: the mentee's cards, her latest milestones, support groups and coverage plan. */
	record NewMotherHome(MenteeHome mentee, List<MilestoneRow> milestones, List<GroupRow> groups,
			List<CoveragePlan> coverage) {
	}

	/**
	 * The platform administrator's dashboard: the institutions with their departments and users counted, and
	 * their activity (active mentorships now, sessions completed in the last {@code recentDays} UTC days, by
	 * institution id). No member data.
	 */
	record PlatformHome(List<InstitutionRow> institutions, Map<Long, Long> activeMentorships,
			Map<Long, Long> recentSessions, long recentDays) {
	}

	/**
	 * What an administrator's and a coordinator's dashboards share, over their scope (the institution, or the
	 * coordinator's department): the viewer's zone, what waits for them, when the kept {@link Figures} were read,
	 * mentorships by status, the sessions completed in the {@code recentDays} days up to then, and the open alerts
	 * and upcoming sessions (at most 8 each, read now).
	 */
	record ManagerHome(ZoneId zone, List<NextAction> nextActions, Instant figuresAsOf, List<Count> mentorshipsByStatus,
			long completedSessions, long recentDays, List<AlertRow> alerts, List<SessionRow> sessions) {
	}

	/** The administrator's dashboard: their institution, the shared cards, people by role and the departments. */
	record AdminHome(InstitutionSummary institution, ManagerHome manager, List<Count> usersByRole,
			List<DepartmentRow> departments) {
	}

	/**
	 * The coordinator's dashboard: their institution and department, the shared cards and the department's
	 * mentorships (at most 8). {@code department} is null only for a coordinator without one who is also an
	 * administrator: theirs is the whole institution.
	 */
	record CoordinatorHome(InstitutionSummary institution, DepartmentSummary department, ManagerHome manager,
			List<MentorshipRow> mentorships) {
	}

	/** Fills the model with the user's dashboard and returns its view name. */
	String fill(SignedInUser user, Model model) {
		if (user.primaryRole() == RoleName.PLATFORM_ADMIN || user.institutionId() == null) {
			PlatformHome home = platformHome();
			model.addAttribute("institutions", home.institutions());
			model.addAttribute("activeMentorships", home.activeMentorships());
			model.addAttribute("recentSessions", home.recentSessions());
			model.addAttribute("recentDays", home.recentDays());
			return "report/home-platform-admin";
		}
		long institutionId = user.institutionId();
		model.addAttribute("unreadCount", this.queries.unreadNotificationCount(user.id()));
		model.addAttribute("notifications", this.queries.unreadNotifications(user.id()));
		// "Finish setting up your profile (step 2 of 4)" until onboarding is finished.
		model.addAttribute("onboarding", this.onboarding.unfinished().orElse(null));
		return switch (user.primaryRole()) {
			case ADMIN -> adminPage(adminHome(user), model);
			case COORDINATOR -> coordinatorPage(coordinatorHome(user), model);
			case MENTOR -> mentorHome(institutionId, user, model);
			case MENTEE, NEW_MOTHER -> menteeHome(user, model);
			case PLATFORM_ADMIN -> throw new IllegalStateException("handled above");
		};
	}

	/** How many of a mentee's learning paths the home page lists. */
	static final int LEARNING_SHOWN = 5;

	/** Mentees (or mentorships) without a session since this many days are called "quiet". */
	static final Duration QUIET = Duration.ofDays(30);

	private String adminPage(AdminHome home, Model model) {
		model.addAttribute("institution", home.institution());
		addManager(home.manager(), model);
		model.addAttribute("usersByRole", home.usersByRole());
		model.addAttribute("departments", home.departments());
		return "report/home-admin";
	}

	private String coordinatorPage(CoordinatorHome home, Model model) {
		model.addAttribute("institution", home.institution());
		model.addAttribute("department", home.department());
		addManager(home.manager(), model);
		model.addAttribute("mentorships", home.mentorships());
		return "report/home-coordinator";
	}

	private static void addManager(ManagerHome home, Model model) {
		model.addAttribute("zone", home.zone());
		// The figures' time in the viewer's zone, as a local time (the display formatter then looks nothing up).
		model.addAttribute("figuresAsOf", LocalDateTime.ofInstant(home.figuresAsOf(), home.zone()));
		model.addAttribute("nextActions", home.nextActions());
		model.addAttribute("mentorshipsByStatus", home.mentorshipsByStatus());
		model.addAttribute("completedSessions", home.completedSessions());
		model.addAttribute("alerts", home.alerts());
		model.addAttribute("sessions", home.sessions());
	}

	private String mentorHome(long institutionId, SignedInUser user, Model model) {
		ParticipantActions actions = participantActions(user);
		model.addAttribute("zone", actions.zone());
		model.addAttribute("nextActions", actions.nextActions());
		model.addAttribute("mentorships", this.queries.mentorships(institutionId, null, user.id(), null));
		model.addAttribute("glances", this.glances.of(user.id()));
		model.addAttribute("sessions",
				this.queries.upcomingSessions(institutionId, null, user.id(), this.clock.instant()));
		model.addAttribute("alerts", this.queries.openAlerts(institutionId, null, user.id()));
		model.addAttribute("completedSessions", this.queries.completedSessionsOf(user.id()));
		return "report/home-mentor";
	}

	private String menteeHome(SignedInUser user, Model model) {
		boolean newMother = user.hasRole(RoleName.NEW_MOTHER);
		model.addAttribute("newMother", newMother);
		if (newMother) {
			NewMotherHome home = newMotherHome(user);
			addMentee(home.mentee(), model);
			model.addAttribute("milestones", home.milestones());
			model.addAttribute("groups", home.groups());
			model.addAttribute("coverage", home.coverage());
			return "report/home-new-mother";
		}
		addMentee(menteeHome(user), model);
		return "report/home-mentee";
	}

	private static void addMentee(MenteeHome home, Model model) {
		model.addAttribute("zone", home.zone());
		model.addAttribute("nextActions", home.nextActions());
		model.addAttribute("mentorships", home.mentorships());
		model.addAttribute("sessions", home.sessions());
		model.addAttribute("goals", home.goals());
		model.addAttribute("learningTotal", home.learningTotal());
		model.addAttribute("learning", home.learning());
		model.addAttribute("unreadMessages", home.unreadMessages());
	}

	/** The caller's mentee dashboard (the JSON twin); refused (403) for anybody who is not a mentee or a new mother. */
	MenteeHome menteeOf(SignedInUser user) {
		if (user.institutionId() == null || !(user.hasRole(RoleName.MENTEE) || user.hasRole(RoleName.NEW_MOTHER))) {
			throw new AccessDeniedException("Only mentees have a mentee's dashboard");
		}
		return menteeHome(user);
	}

	/** The caller's new mother's dashboard (the JSON twin); refused (403) for anybody who is not a new mother. */
	NewMotherHome newMotherOf(SignedInUser user) {
		if (user.institutionId() == null || !user.hasRole(RoleName.NEW_MOTHER)) {
			throw new AccessDeniedException("Only new mothers have a new mother's dashboard");
		}
		return newMotherHome(user);
	}

	/** The administrator's dashboard of their institution (the JSON twin); refused (403) for anybody else. */
	AdminHome adminOf(SignedInUser user) {
		if (user.institutionId() == null || !user.hasRole(RoleName.ADMIN)) {
			throw new AccessDeniedException("Only an institution's administrators see its dashboard");
		}
		return adminHome(user);
	}

	/** The coordinator's dashboard of their department (the JSON twin); refused (403) for anybody else. */
	CoordinatorHome coordinatorOf(SignedInUser user) {
		if (user.institutionId() == null || !user.hasRole(RoleName.COORDINATOR)) {
			throw new AccessDeniedException("Only coordinators see a department's dashboard");
		}
		return coordinatorHome(user);
	}

	/** The platform administrator's dashboard (the JSON twin); refused (403) for anybody else. */
	PlatformHome platformOf(SignedInUser user) {
		if (!user.hasRole(RoleName.PLATFORM_ADMIN)) {
			throw new AccessDeniedException("Only platform administrators see the platform's institutions");
		}
		return platformHome();
	}

	private MenteeHome menteeHome(SignedInUser user) {
		long institutionId = user.institutionId();
		ParticipantActions actions = participantActions(user);
		List<MentorshipRow> mentorships = this.queries.mentorships(institutionId, null, null, user.id());
		List<SessionRow> sessions = this.queries.upcomingSessions(institutionId, null, user.id(), this.clock.instant());
		List<GoalRow> goals = this.queries.goals(user.id());
		// The learning paths they follow (the first few, unfinished first) and their unread direct messages.
		List<ProgressView> paths = this.learning.mine();
		List<ProgressView> shown = paths.stream()
			.sorted(java.util.Comparator.comparing(ProgressView::completed))
			.limit(LEARNING_SHOWN)
			.toList();
		return new MenteeHome(actions.zone(), actions.nextActions(), mentorships, sessions, goals, shown, paths.size(),
				this.conversations.unreadCount());
	}

	private NewMotherHome newMotherHome(SignedInUser user) {
		MenteeHome mentee = menteeHome(user);
		// Her leave-coverage requests, through wellbeing's facade (one batch call).
		List<CoveragePlan> plan = this.coverage.of(List.of(user.id())).getOrDefault(user.id(), List.of());
		return new NewMotherHome(mentee, this.queries.milestones(user.id()),
				this.queries.supportGroups(user.institutionId(), user.id()), plan);
	}

	private PlatformHome platformHome() {
		// Activity per institution, counted by the owning modules: no member data.
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return new PlatformHome(this.queries.institutions(), this.mentorshipStatistics.activePerInstitution(),
				this.sessionStatistics.completedPerInstitution(today.minusDays(RECENT.toDays() - 1), today.plusDays(1)),
				RECENT.toDays());
	}

	private AdminHome adminHome(SignedInUser user) {
		long institutionId = user.institutionId();
		Figures figures = figures(institutionId, null);
		return new AdminHome(this.organizations.findInstitution(institutionId).orElse(null),
				managerHome(institutionId, null, figures, user), figures.usersByRole(), figures.departments());
	}

	private CoordinatorHome coordinatorHome(SignedInUser user) {
		long institutionId = user.institutionId();
		Long department = coordinatedDepartment(user);
		Figures figures = figures(institutionId, department);
		return new CoordinatorHome(this.organizations.findInstitution(institutionId).orElse(null),
				department == null ? null : this.organizations.findDepartment(department).orElse(null),
				managerHome(institutionId, department, figures, user),
				this.queries.mentorships(institutionId, department, null, null));
	}

	/**
	 * The department a coordinator's dashboard covers: theirs; none (the whole institution) for a coordinator
	 * without one who is an administrator too. A coordinator without a department who is not is refused (403),
	 * as {@code platform.Tenancy#scope} refuses them: they see nothing, never the whole institution.
	 */
	private static Long coordinatedDepartment(SignedInUser user) {
		if (user.departmentId() == null && !user.hasRole(RoleName.ADMIN)) {
			throw new AccessDeniedException("A coordinator needs a department");
		}
		return user.departmentId();
	}

	private ManagerHome managerHome(long institutionId, Long department, Figures figures, SignedInUser user) {
		ManagerTodo todo = this.queries.managerTodo(user.id(), institutionId, department);
		ManagerBacklog backlog = figures.backlog();
		List<NextAction> actions = new ArrayList<>();
		if (todo.approvals() > 0) {
			actions.add(NextAction.of("approvals", "/mentorships/manage?status=ACCEPTED", "report.next.approvals",
					todo.approvals()));
		}
		if (backlog.unmatchedMentees() > 0) {
			actions.add(NextAction.of("unmatched", "/mentorships/bulk", "report.next.unmatched",
					backlog.unmatchedMentees()));
		}
		if (backlog.quietMentorships() > 0) {
			actions.add(NextAction.of("quiet", "/mentorships/manage?status=ACTIVE", "report.next.quietManaged",
					backlog.quietMentorships(), QUIET.toDays()));
		}
		return new ManagerHome(zone(todo.timeZone()), List.copyOf(actions), figures.asOf(),
				figures.mentorshipsByStatus(), figures.completedSessions(), RECENT.toDays(),
				this.queries.openAlerts(institutionId, department, null),
				this.queries.upcomingSessions(institutionId, department, null, this.clock.instant()));
	}

	private ParticipantActions participantActions(SignedInUser user) {
		Instant now = this.clock.instant();
		ParticipantTodo todo = this.queries.participantTodo(user.id(), now, now.minus(QUIET));
		ZoneId zone = zone(todo.timeZone());
		List<NextAction> actions = new ArrayList<>();
		if (todo.requestsToAnswer() > 0) {
			actions.add(NextAction.of("requests", "/mentorships", "report.next.requests", todo.requestsToAnswer()));
		}
		if (todo.sessionsToAnswer() > 0) {
			actions.add(NextAction.of("answers", "/sessions", "report.next.answers", todo.sessionsToAnswer()));
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		for (SessionRow s : this.queries.sessionsToRecord(user.id(), now)) {
			LocalDate day = s.startIn(zone).toLocalDate();
			long ago = ChronoUnit.DAYS.between(day, today);
			String key = ago == 0 ? "report.next.record.today"
					: ago == 1 ? "report.next.record.yesterday" : "report.next.record.on";
			actions.add(NextAction.of("record-" + s.id(), "/sessions/" + s.id(), key, s.otherThan(user.id()), day));
		}
		if (todo.feedbackToGive() > 0) {
			String href = todo.feedbackToGive() == 1 ? "/sessions/" + todo.feedbackSessionId() + "#feedback-section"
					: "/sessions?tab=past&status=COMPLETED";
			actions.add(NextAction.of("feedback", href, "report.next.feedback", todo.feedbackToGive()));
		}
		if (todo.quietMentees() > 0) {
			actions.add(NextAction.of("quiet", "/mentorships", "report.next.quiet", todo.quietMentees(),
					QUIET.toDays()));
		}
		boolean mentee = user.hasRole(RoleName.MENTEE) || user.hasRole(RoleName.NEW_MOTHER);
		if (mentee && todo.ownMentorships() == 0) {
			actions.add(NextAction.of("find-mentor", "/mentorships/suggestions", "report.next.findMentor"));
		}
		else if (mentee && todo.activeMentors() > 0 && todo.upcoming() == 0) {
			actions.add(NextAction.of("book", "/sessions/new", "report.next.book"));
		}
		return new ParticipantActions(zone, List.copyOf(actions));
	}

	/** The viewer's zone; UTC when the stored zone is not one Java knows. */
	static ZoneId zone(String id) {
		try {
			return id == null ? ZoneOffset.UTC : ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
