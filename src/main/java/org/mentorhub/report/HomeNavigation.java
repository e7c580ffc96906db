package org.mentorhub.report;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home page's link in the navigation. */
@Configuration(proxyBeanMethods = false)
class HomeNavigation {

	@Bean
	NavigationEntry homeEntry() {
		return NavigationEntry.of(Group.HOME, "home", "layout.nav.home", "house", "/", 0, Set.of());
	}

}
