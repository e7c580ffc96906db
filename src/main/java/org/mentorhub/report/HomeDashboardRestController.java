package org.mentorhub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.learning.ProgressView;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.report.HomeDashboards.AdminHome;
import org.mentorhub.report.HomeDashboards.CoordinatorHome;
import org.mentorhub.report.HomeDashboards.ManagerHome;
import org.mentorhub.report.HomeDashboards.MenteeHome;
import org.mentorhub.report.HomeDashboards.NewMotherHome;
import org.mentorhub.report.HomeDashboards.PlatformHome;
import org.mentorhub.report.HomeQueries.AlertRow;
import org.mentorhub.report.HomeQueries.DepartmentRow;
import org.mentorhub.report.HomeQueries.GoalRow;
import org.mentorhub.report.HomeQueries.GroupRow;
import org.mentorhub.report.HomeQueries.InstitutionRow;
import org.mentorhub.report.HomeQueries.MentorshipRow;
import org.mentorhub.report.HomeQueries.MilestoneRow;
import org.mentorhub.report.HomeQueries.SessionRow;
import org.mentorhub.wellbeing.CoveragePlans.CoveragePlan;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON twins of the personal dashboards of the home page: the mentor's mentees at a glance, the
 * mentee's and the new mother's dashboards, the platform administrator's, the institution administrator's
 * and the coordinator's. Each returns the record the page shows ({@link HomeDashboards}, {@link MenteeGlances}),
 * read by the same calls; a caller of another role gets 403.
 */
@RestController
@Tag(name = "Reports")
class HomeDashboardRestController {

	private final MenteeGlances glances;

	private final HomeDashboards dashboards;

	private final MessageSource messages;

	HomeDashboardRestController(MenteeGlances glances, HomeDashboards dashboards, MessageSource messages) {
		this.glances = glances;
		this.dashboards = dashboards;
		this.messages = messages;
	}

	/**
	 * One active mentee of the caller at a glance.
	 * @param nextSession the start of the next session (UTC), null when none is planned
	 * @param goals how many goals the mentee has (0: none), {@code goalsCompleted} of them completed
	 * @param averageGoalProgress their average progress in percent, null without goals
	 * @param health HEALTHY, AT_RISK or STALLED; null until computed
	 */
	record MenteeGlanceResponse(long mentorshipId, long menteeId, String menteeName, Instant nextSession,
			int openActionItems, int goals, int goalsCompleted, Integer averageGoalProgress, int openAlerts,
			String health) {

		static MenteeGlanceResponse of(MenteeGlances.MenteeGlance g) {
			return new MenteeGlanceResponse(g.mentorshipId(), g.menteeId(), g.menteeName(), g.nextSession(),
					g.openActionItems(), g.goals() == null ? 0 : g.goals().goals(),
					g.goals() == null ? 0 : g.goals().completed(), g.goals() == null ? null : g.goals().averageProgress(),
					g.openAlerts(), g.health());
		}

	}

	@GetMapping("/api/v1/reports/my-mentees")
	@Operation(summary = "My mentees at a glance",
			description = "Mentors: each active mentee (at most 50, by name) with the next session, the open action "
					+ "items of their sessions, goal progress, open alerts and relationship health, as on the home "
					+ "page. Anyone who is not a mentor: 403.")
	List<MenteeGlanceResponse> myMentees() {
		return this.glances.mine().stream().map(MenteeGlanceResponse::of).toList();
	}

	/** A "what to do next" line: the page that does it and the line as the home page words it. */
	record HomeNextAction(String id, String href, String text) {
	}

	/** One of the mentee's mentorships (status REQUESTED, PROPOSED, ACCEPTED, ACTIVE or PAUSED). */
	record HomeMentorship(long id, String status, String mentorName, String goal) {

		static HomeMentorship of(MentorshipRow m) {
			return new HomeMentorship(m.id(), m.status(), m.mentorName(), m.goal());
		}

	}

	/** An upcoming session; {@code start} in UTC. */
	record HomeSession(long id, long mentorshipId, String title, Instant start, int durationMinutes, String status,
			String mode, String mentorName, String menteeName) {

		static HomeSession of(SessionRow s) {
			return new HomeSession(s.id(), s.mentorshipId(), s.title(), s.scheduledAt().toInstant(ZoneOffset.UTC),
					s.durationMinutes(), s.status(), s.mode(), s.mentorName(), s.menteeName());
		}

	}

	/** One of the mentee's goals with its progress in percent. */
	record HomeGoal(long id, String title, String category, String status, int progressPct, LocalDate targetDate,
			Long mentorshipId) {

		static HomeGoal of(GoalRow g) {
			return new HomeGoal(g.id(), g.title(), g.category(), g.status(), g.progressPct(), g.targetDate(),
					g.mentorshipId());
		}

	}

	/** A learning path the mentee follows. */
	record HomeLearningPath(long pathId, String title, int progressPct, int completedModules, int moduleCount,
			boolean completed) {

		static HomeLearningPath of(ProgressView p) {
			return new HomeLearningPath(p.pathId(), p.pathTitle(), p.progressPct(), p.completedModules(),
					p.moduleCount(), p.completed());
		}

	}

	/**
	 * The mentee's home dashboard.
	 * @param timeZone the zone the page shows times in (the JSON's times are UTC)
	 * @param nextSession the first of {@code upcomingSessions}, null when none is planned
	 * @param upcomingSessions at most 8, earliest first
	 * @param learning the paths the page lists (at most 5, unfinished first) of {@code learningTotal}
	 */
	record MenteeDashboardResponse(String timeZone, List<HomeNextAction> nextActions, List<HomeMentorship> mentorships,
			HomeSession nextSession, List<HomeSession> upcomingSessions, List<HomeGoal> goals,
			List<HomeLearningPath> learning, int learningTotal, long unreadMessages) {
	}

	/** One of the new mother's latest milestones. */
	record HomeMilestone(long id, String type, String title, LocalDate date) {

		static HomeMilestone of(MilestoneRow m) {
			return new HomeMilestone(m.id(), m.type(), m.title(), m.milestoneDate());
		}

	}

	/** A support group of her institution, and whether she is an active member. */
	record HomeSupportGroup(long id, String name, int memberCount, boolean joined) {

		static HomeSupportGroup of(GroupRow g) {
			return new HomeSupportGroup(g.id(), g.name(), g.memberCount(), g.joined() > 0);
		}

	}

	/**
	 * One of her leave-coverage requests.
	 * @param endDate the actual last day once she is back, the expected one before
	 * @param phase where it stands: pending, pendingBoth, awaitingApproval, scheduled, onLeave, rejected,
	 * completed, cancelled
	 * @param coveredMentees how many of her mentees the leave handed to the colleague
	 */
	record HomeCoveragePlan(long id, long proxyId, String proxyName, LocalDate startDate, LocalDate endDate,
			String status, String phase, int coveredMentees) {

		static HomeCoveragePlan of(CoveragePlan c) {
			return new HomeCoveragePlan(c.requestId(), c.proxyId(), c.proxyName(), c.startDate(), c.endDate(),
					c.status(), c.phase(), c.coveredMentees());
		}

	}

	/** The new mother's home dashboard: the mentee's, with her milestones, support groups and coverage plan. */
	record NewMotherDashboardResponse(MenteeDashboardResponse mentee, List<HomeMilestone> milestones,
			List<HomeSupportGroup> supportGroups, List<HomeCoveragePlan> coverage) {
	}

	/** An institution with its counts and activity; no member data. */
	record HomeInstitution(long id, String name, String code, String kind, long departments, long users,
			long activeMentorships, long recentlyCompletedSessions) {

		static HomeInstitution of(InstitutionRow i, Map<Long, Long> active, Map<Long, Long> recent) {
			return new HomeInstitution(i.id(), i.name(), i.code(), i.kind(), i.departments(), i.users(),
					active.getOrDefault(i.id(), 0L), recent.getOrDefault(i.id(), 0L));
		}

	}

	/**
	 * The platform administrator's home dashboard.
	 * @param recentDays the period of {@code recentlyCompletedSessions}: this many UTC days up to today
	 */
	record PlatformDashboardResponse(long recentDays, List<HomeInstitution> institutions) {
	}

	@GetMapping("/api/v1/reports/my-mentoring")
	@Operation(summary = "My mentoring dashboard",
			description = "Mentees and new mothers: what waits for them, their mentorships, upcoming sessions (the "
					+ "first is the next), goals with their progress, the learning paths they follow and their unread "
					+ "direct messages, as on the home page. Anyone else: 403.")
	MenteeDashboardResponse myMentoring(@AuthenticationPrincipal SignedInUser user) {
		return mentee(this.dashboards.menteeOf(user));
	}

	@GetMapping("/api/v1/reports/my-support")
	@Operation(summary = "A new mother's dashboard",
			description = "New mothers: the mentoring dashboard, her latest milestones, her institution's support "
					+ "groups (joined or not) and her leave-coverage plan (who covers, from when to when, where it "
					+ "stands), as on the home page. Anyone else: 403.")
	NewMotherDashboardResponse mySupport(@AuthenticationPrincipal SignedInUser user) {
		NewMotherHome home = this.dashboards.newMotherOf(user);
		return new NewMotherDashboardResponse(mentee(home.mentee()),
				home.milestones().stream().map(HomeMilestone::of).toList(),
				home.groups().stream().map(HomeSupportGroup::of).toList(),
				home.coverage().stream().map(HomeCoveragePlan::of).toList());
	}

	@GetMapping("/api/v1/reports/platform")
	@Operation(summary = "The platform's institutions and their activity",
			description = "Platform administrators: every institution with its departments and users counted, its "
					+ "active mentorships and the sessions completed in the last 30 days, as on the home page; no "
					+ "member data. Anyone else: 403.")
	PlatformDashboardResponse platform(@AuthenticationPrincipal SignedInUser user) {
		PlatformHome home = this.dashboards.platformOf(user);
		return new PlatformDashboardResponse(home.recentDays(), home.institutions().stream()
			.map(i -> HomeInstitution.of(i, home.activeMentorships(), home.recentSessions()))
			.toList());
	}

	/** An institution or a department: its id, name and code. */
	record HomeUnit(long id, String name, String code) {

		static HomeUnit of(InstitutionSummary i) {
			return i == null ? null : new HomeUnit(i.id(), i.name(), i.code());
		}

		static HomeUnit of(DepartmentSummary d) {
			return d == null ? null : new HomeUnit(d.id(), d.name(), d.code());
		}

	}

	/** How many people hold a role (ADMIN, COORDINATOR, MENTOR, MENTEE, NEW_MOTHER) in the institution. */
	record HomeRoleCount(String role, long users) {
	}

	/** How many mentorships of the scope have a status (REQUESTED, ACTIVE, COMPLETED, ...). */
	record HomeStatusCount(String status, long mentorships) {
	}

	/** A department of the institution with its members and active mentorships counted. */
	record HomeDepartment(long id, String name, String code, long members, long activeMentorships) {

		static HomeDepartment of(DepartmentRow d) {
			return new HomeDepartment(d.id(), d.name(), d.code(), d.members(), d.activeMentorships());
		}

	}

	/**
	 * An open alert (OPEN, ACKNOWLEDGED or IN_PROGRESS) about a student of the scope; {@code createdAt} in UTC.
	 * @param severity CRITICAL, WARN or INFO
	 */
	record HomeAlert(long id, String severity, String category, String status, long studentId, String studentName,
			String message, Instant createdAt) {

		static HomeAlert of(AlertRow a) {
			return new HomeAlert(a.id(), a.severity(), a.category(), a.status(), a.studentId(), a.studentName(),
					a.message(), a.createdAt() == null ? null : a.createdAt().toInstant(ZoneOffset.UTC));
		}

	}

	/** A mentorship of the department (status REQUESTED, PROPOSED, ACCEPTED, ACTIVE or PAUSED). */
	record HomeManagedMentorship(long id, String status, String mentorName, String menteeName, String goal) {

		static HomeManagedMentorship of(MentorshipRow m) {
			return new HomeManagedMentorship(m.id(), m.status(), m.mentorName(), m.menteeName(), m.goal());
		}

	}

	/**
	 * The institution administrator's home dashboard.
	 * @param timeZone the zone the page shows times in (the JSON's times are UTC)
	 * @param figuresAsOf when the counts (people, mentorships, departments, sessions completed and the backlog
	 * behind the next actions) were read; they are kept for a minute
	 * @param completedSessions the institution's sessions completed in the {@code recentDays} days up to
	 * {@code figuresAsOf}
	 * @param alerts the open alerts the page lists (at most 8, the most severe first)
	 * @param upcomingSessions at most 8, earliest first
	 */
	record InstitutionDashboardResponse(HomeUnit institution, String timeZone, List<HomeNextAction> nextActions,
			Instant figuresAsOf, List<HomeRoleCount> usersByRole, List<HomeStatusCount> mentorshipsByStatus,
			long completedSessions, long recentDays, List<HomeDepartment> departments, List<HomeAlert> alerts,
			List<HomeSession> upcomingSessions) {
	}

	/**
	 * The coordinator's home dashboard: their department's.
	 * @param department null only for a coordinator without a department who is also an administrator (then the
	 * whole institution); a coordinator without a department otherwise gets 403
	 * @param timeZone the zone the page shows times in (the JSON's times are UTC)
	 * @param figuresAsOf when the counts (mentorships, sessions completed and the backlog behind the next
	 * actions) were read; they are kept for a minute
	 * @param completedSessions the department's sessions completed in the {@code recentDays} days up to
	 * {@code figuresAsOf}
	 * @param mentorships the department's open and running mentorships the page lists (at most 8)
	 * @param alerts the open alerts about the department's students the page lists (at most 8)
	 * @param upcomingSessions at most 8, earliest first
	 */
	record DepartmentDashboardResponse(HomeUnit institution, HomeUnit department, String timeZone,
			List<HomeNextAction> nextActions, Instant figuresAsOf, List<HomeStatusCount> mentorshipsByStatus,
			long completedSessions, long recentDays, List<HomeManagedMentorship> mentorships, List<HomeAlert> alerts,
			List<HomeSession> upcomingSessions) {
	}

	@GetMapping("/api/v1/reports/institution")
	@Operation(summary = "My institution's dashboard",
			description = "Institution administrators: what waits for them, people by role, mentorships by status, "
					+ "the sessions completed in the last 30 days, each department with its members and active "
					+ "mentorships, open alerts and upcoming sessions of their institution, as on the home page (the "
					+ "counts are kept for a minute; figuresAsOf says when they were read). Anyone else: 403.")
	InstitutionDashboardResponse institution(@AuthenticationPrincipal SignedInUser user) {
		AdminHome home = this.dashboards.adminOf(user);
		ManagerHome m = home.manager();
		return new InstitutionDashboardResponse(HomeUnit.of(home.institution()), m.zone().getId(),
				nextActions(m.nextActions()), m.figuresAsOf(),
				home.usersByRole().stream().map(c -> new HomeRoleCount(c.label(), c.total())).toList(),
				statusCounts(m), m.completedSessions(), m.recentDays(),
				home.departments().stream().map(HomeDepartment::of).toList(),
				m.alerts().stream().map(HomeAlert::of).toList(), m.sessions().stream().map(HomeSession::of).toList());
	}

	@GetMapping("/api/v1/reports/department")
	@Operation(summary = "My department's dashboard",
			description = "Coordinators: what waits for them, the mentorships of their department by status and the "
					+ "open and running ones, the sessions completed in the last 30 days, open alerts about its "
					+ "students and its upcoming sessions, as on the home page (the counts are kept for a minute; "
					+ "figuresAsOf says when they were read). Nothing of another department. Anyone else, and a "
					+ "coordinator without a department: 403.")
	DepartmentDashboardResponse department(@AuthenticationPrincipal SignedInUser user) {
		CoordinatorHome home = this.dashboards.coordinatorOf(user);
		ManagerHome m = home.manager();
		return new DepartmentDashboardResponse(HomeUnit.of(home.institution()), HomeUnit.of(home.department()),
				m.zone().getId(), nextActions(m.nextActions()), m.figuresAsOf(), statusCounts(m),
				m.completedSessions(), m.recentDays(),
				home.mentorships().stream().map(HomeManagedMentorship::of).toList(),
				m.alerts().stream().map(HomeAlert::of).toList(), m.sessions().stream().map(HomeSession::of).toList());
	}

	private static List<HomeStatusCount> statusCounts(ManagerHome home) {
		return home.mentorshipsByStatus().stream().map(c -> new HomeStatusCount(c.label(), c.total())).toList();
	}

	/** The next actions as the page words them, in the caller's language. */
	private List<HomeNextAction> nextActions(List<NextAction> actions) {
		Locale locale = LocaleContextHolder.getLocale();
		return actions.stream()
			.map(a -> new HomeNextAction(a.id(), a.href(), this.messages.getMessage(a.key(), a.args(), locale)))
			.toList();
	}

	private MenteeDashboardResponse mentee(MenteeHome home) {
		List<HomeSession> sessions = home.sessions().stream().map(HomeSession::of).toList();
		return new MenteeDashboardResponse(home.zone().getId(), nextActions(home.nextActions()),
				home.mentorships().stream().map(HomeMentorship::of).toList(), sessions.isEmpty() ? null : sessions.get(0),
				sessions, home.goals().stream().map(HomeGoal::of).toList(),
				home.learning().stream().map(HomeLearningPath::of).toList(), home.learningTotal(),
				home.unreadMessages());
	}

}
