package org.mentorhub.goal;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Goals in the navigation. */
@Configuration(proxyBeanMethods = false)
class GoalNavigation {

	@Bean
	NavigationEntry goalsEntry() {
		return NavigationEntry.of(Group.GROWTH, "goals", "layout.nav.goals", "bullseye", "/goals", 10,
				NavigationEntry.MEMBERS);
	}

}
