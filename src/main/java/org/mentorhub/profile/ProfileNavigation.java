package org.mentorhub.profile;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Profile, availability, the directory, academic data and onboarding follow-up in the navigation. */
@Configuration(proxyBeanMethods = false)
class ProfileNavigation {

	@Bean
	NavigationEntry profileEntry() {
		return NavigationEntry.of(Group.ACCOUNT, "profile", "profile.nav.profile", "person-circle", "/profile", 0,
				NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry availabilityEntry() {
		return NavigationEntry.of(Group.MENTORING, "availability", "profile.nav.availability", "clock",
				"/profile/availability", 40, NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry directoryEntry() {
		return NavigationEntry.of(Group.COMMUNITY, "directory", "directory.nav.directory", "person-lines-fill",
				"/directory", 10, NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry academicImportsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "academic-imports", "academicImport.nav", "mortarboard",
				"/admin/academic-imports", 60, Set.of("STUDENT_RISK_WRITE"));
	}

	@Bean
	NavigationEntry onboardingEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "onboarding", "onboarding.nav.people", "person-check",
				"/admin/onboarding", 70, NavigationEntry.MANAGERS);
	}

}
