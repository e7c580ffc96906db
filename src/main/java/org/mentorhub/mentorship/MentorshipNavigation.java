package org.mentorhub.mentorship;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mentorships in the navigation. {@code /mentorships} is one page under three names: "My mentees"
 * for a mentor, "My mentor" for a mentee, "My mentorships" for a manager.
 */
@Configuration(proxyBeanMethods = false)
class MentorshipNavigation {

	@Bean
	NavigationEntry myMentorshipsEntry() {
		return NavigationEntry.of(Group.MENTORING, "mentorships-mine", "mentorship.nav.mine", "people-fill",
				"/mentorships", 20, NavigationEntry.MANAGERS);
	}

	@Bean
	NavigationEntry myMenteesEntry() {
		return NavigationEntry
			.of(Group.MENTORING, "mentees", "layout.nav.mentees", "people-fill", "/mentorships", 20, Set.of("ROLE_MENTOR"))
			.unless(NavigationEntry.MANAGERS);
	}

	@Bean
	NavigationEntry myMentorEntry() {
		return NavigationEntry
			.of(Group.MENTORING, "mentor", "layout.nav.mentor", "person-heart", "/mentorships", 20, Set.of("MENTEE"))
			.unless(Set.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_MENTOR"));
	}

	@Bean
	NavigationEntry suggestionsEntry() {
		return NavigationEntry
			.of(Group.COMMUNITY, "suggestions", "matching.nav.suggestions", "stars", "/mentorships/suggestions", 20,
					Set.of("MENTEE"))
			.unless(Set.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_MENTOR"));
	}

	@Bean
	NavigationEntry manageMentorshipsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "mentorships", "mentorship.nav.manage", "diagram-2",
				"/mentorships/manage", 30, NavigationEntry.MANAGERS);
	}

	@Bean
	NavigationEntry approvalQueueEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "approvals", "mentorship.nav.approvals", "check2-square",
				"/mentorships/manage?status=ACCEPTED", 35, NavigationEntry.MANAGERS);
	}

	@Bean
	NavigationEntry matchingWeightsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "matching", "matching.nav.weights", "sliders", "/admin/matching",
				50, Set.of("ROLE_ADMIN"));
	}

}
