package org.mentorhub.report;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.organization.Organizations;
import org.mentorhub.profile.Onboarding;
import org.mentorhub.report.HomeQueries.ManagerTodo;
import org.mentorhub.report.HomeQueries.ParticipantTodo;
import org.mentorhub.report.HomeQueries.SessionRow;
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

	HomeDashboards(HomeQueries queries, Organizations organizations, Onboarding onboarding, Clock clock) {
		this.queries = queries;
		this.organizations = organizations;
		this.onboarding = onboarding;
		this.clock = clock;
	}

	/** Fills the model with the user's dashboard and returns its view name. */
	String fill(SignedInUser user, Model model) {
		if (user.primaryRole() == RoleName.PLATFORM_ADMIN || user.institutionId() == null) {
			model.addAttribute("institutions", this.queries.institutions());
			return "report/home-platform-admin";
		}
		long institutionId = user.institutionId();
		model.addAttribute("institution", this.organizations.findInstitution(institutionId).orElse(null));
		model.addAttribute("unreadCount", this.queries.unreadNotificationCount(user.id()));
		model.addAttribute("notifications", this.queries.unreadNotifications(user.id()));
		// "Finish setting up your profile (step 2 of 4)" until onboarding is finished.
		model.addAttribute("onboarding", this.onboarding.unfinished().orElse(null));
		return switch (user.primaryRole()) {
			case ADMIN -> adminHome(institutionId, user, model);
			case COORDINATOR -> coordinatorHome(institutionId, user, model);
			case MENTOR -> mentorHome(institutionId, user, model);
			case MENTEE, NEW_MOTHER -> menteeHome(institutionId, user, model);
			case PLATFORM_ADMIN -> throw new IllegalStateException("handled above");
		};
	}

	/** Mentees (or mentorships) without a session since this many days are called "quiet". */
	static final Duration QUIET = Duration.ofDays(30);

	private String adminHome(long institutionId, SignedInUser user, Model model) {
		managerActions(institutionId, null, user, model);
		model.addAttribute("usersByRole", this.queries.usersByRole(institutionId));
		model.addAttribute("mentorshipsByStatus", this.queries.mentorshipsByStatus(institutionId, null));
		model.addAttribute("departments", this.queries.departments(institutionId));
		model.addAttribute("alerts", this.queries.openAlerts(institutionId, null, null));
		model.addAttribute("sessions", this.queries.upcomingSessions(institutionId, null, null, this.clock.instant()));
		model.addAttribute("completedSessions", completedRecently(institutionId, null));
		return "report/home-admin";
	}

	/** Sessions completed in the last {@link #RECENT} across the institution or department. */
	private long completedRecently(long institutionId, Long departmentId) {
		Instant now = this.clock.instant();
		return this.queries.completedSessionsBetween(institutionId, departmentId, now.minus(RECENT), now);
	}

	private String coordinatorHome(long institutionId, SignedInUser user, Model model) {
		Long department = user.departmentId();
		managerActions(institutionId, department, user, model);
		model.addAttribute("department",
				department == null ? null : this.organizations.findDepartment(department).orElse(null));
		model.addAttribute("mentorshipsByStatus", this.queries.mentorshipsByStatus(institutionId, department));
		model.addAttribute("mentorships", this.queries.mentorships(institutionId, department, null, null));
		model.addAttribute("alerts", this.queries.openAlerts(institutionId, department, null));
		model.addAttribute("sessions",
				this.queries.upcomingSessions(institutionId, department, null, this.clock.instant()));
		model.addAttribute("completedSessions", completedRecently(institutionId, department));
		return "report/home-coordinator";
	}

	private String mentorHome(long institutionId, SignedInUser user, Model model) {
		participantActions(user, model);
		model.addAttribute("mentorships", this.queries.mentorships(institutionId, null, user.id(), null));
		model.addAttribute("sessions",
				this.queries.upcomingSessions(institutionId, null, user.id(), this.clock.instant()));
		model.addAttribute("alerts", this.queries.openAlerts(institutionId, null, user.id()));
		model.addAttribute("completedSessions", this.queries.completedSessionsOf(user.id()));
		return "report/home-mentor";
	}

	private String menteeHome(long institutionId, SignedInUser user, Model model) {
		participantActions(user, model);
		model.addAttribute("mentorships", this.queries.mentorships(institutionId, null, null, user.id()));
		model.addAttribute("sessions",
				this.queries.upcomingSessions(institutionId, null, user.id(), this.clock.instant()));
		model.addAttribute("goals", this.queries.goals(user.id()));
		model.addAttribute("newMother", user.hasRole(RoleName.NEW_MOTHER));
		if (user.hasRole(RoleName.NEW_MOTHER)) {
			model.addAttribute("milestones", this.queries.milestones(user.id()));
			model.addAttribute("groups", this.queries.supportGroups(institutionId, user.id()));
			return "report/home-new-mother";
		}
		return "report/home-mentee";
	}


	private void participantActions(SignedInUser user, Model model) {
		Instant now = this.clock.instant();
		ParticipantTodo todo = this.queries.participantTodo(user.id(), now, now.minus(QUIET));
		ZoneId zone = zone(todo.timeZone());
		model.addAttribute("zone", zone);
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
		model.addAttribute("nextActions", actions);
	}

	private void managerActions(long institutionId, Long department, SignedInUser user, Model model) {
		Instant now = this.clock.instant();
		ManagerTodo todo = this.queries.managerTodo(user.id(), institutionId, department, now.minus(QUIET));
		model.addAttribute("zone", zone(todo.timeZone()));
		List<NextAction> actions = new ArrayList<>();
		if (todo.approvals() > 0) {
			actions.add(NextAction.of("approvals", "/mentorships/manage?status=ACCEPTED", "report.next.approvals",
					todo.approvals()));
		}
		if (todo.unmatchedMentees() > 0) {
			actions.add(NextAction.of("unmatched", "/mentorships/bulk", "report.next.unmatched",
					todo.unmatchedMentees()));
		}
		if (todo.quietMentorships() > 0) {
			actions.add(NextAction.of("quiet", "/mentorships/manage?status=ACTIVE", "report.next.quietManaged",
					todo.quietMentorships(), QUIET.toDays()));
		}
		model.addAttribute("nextActions", actions);
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
