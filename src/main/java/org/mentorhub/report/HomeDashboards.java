package org.mentorhub.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.organization.Organizations;
import org.mentorhub.profile.Onboarding;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * The dashboards of the home page, one per role, chosen by the user's primary role. Each shows only
 * what that role may see: the platform administrator sees institutions and counts, an administrator
 * the institution, a coordinator the department, a mentor their mentees, a mentee their own
 * mentorship, sessions and goals. A dashboard is read in one read-only transaction (one connection,
 * one commit), not one per panel.
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
			case ADMIN -> adminHome(institutionId, model);
			case COORDINATOR -> coordinatorHome(institutionId, user, model);
			case MENTOR -> mentorHome(institutionId, user, model);
			case MENTEE, NEW_MOTHER -> menteeHome(institutionId, user, model);
			case PLATFORM_ADMIN -> throw new IllegalStateException("handled above");
		};
	}

	private String adminHome(long institutionId, Model model) {
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
		model.addAttribute("mentorships", this.queries.mentorships(institutionId, null, user.id(), null));
		model.addAttribute("sessions",
				this.queries.upcomingSessions(institutionId, null, user.id(), this.clock.instant()));
		model.addAttribute("alerts", this.queries.openAlerts(institutionId, null, user.id()));
		model.addAttribute("completedSessions", this.queries.completedSessionsOf(user.id()));
		return "report/home-mentor";
	}

	private String menteeHome(long institutionId, SignedInUser user, Model model) {
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

}
