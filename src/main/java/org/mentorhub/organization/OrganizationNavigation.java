package org.mentorhub.organization;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Institutions and departments in the navigation. */
@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

	@Bean
	NavigationEntry institutionsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "institutions", "layout.nav.institutions", "buildings",
				"/platform/institutions", 10, Set.of("INSTITUTION_MANAGE"));
	}

	@Bean
	NavigationEntry departmentsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "departments", "layout.nav.departments", "diagram-3",
				"/admin/departments", 20, Set.of("DEPARTMENT_MANAGE"));
	}

}
