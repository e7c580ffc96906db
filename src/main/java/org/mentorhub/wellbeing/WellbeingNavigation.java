package org.mentorhub.wellbeing;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Milestones, leave coverage and support groups in the navigation. */
@Configuration(proxyBeanMethods = false)
class WellbeingNavigation {

	@Bean
	NavigationEntry milestonesEntry() {
		return NavigationEntry.of(Group.SUPPORT, "milestones", "layout.nav.milestones", "calendar-heart", "/milestones",
				10, Set.of("ROLE_NEW_MOTHER", "ROLE_MENTOR"));
	}

	@Bean
	NavigationEntry leaveCoverageEntry() {
		return NavigationEntry.of(Group.SUPPORT, "leave-coverage", "layout.nav.leaveCoverage", "person-check", "/coverage",
				15, NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry supportGroupsEntry() {
		return NavigationEntry.of(Group.SUPPORT, "support-groups", "layout.nav.supportGroups", "people", "/groups", 20,
				NavigationEntry.MEMBERS);
	}

}
