package org.mentorhub.support;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The support desk in the navigation: everybody's own issues, and the queue for administrators. */
@Configuration(proxyBeanMethods = false)
class SupportNavigation {

	@Bean
	NavigationEntry myIssuesEntry() {
		return NavigationEntry.of(Group.SUPPORT, "support", "layout.nav.support", "life-preserver", "/support", 90,
				NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry supportQueueEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "support-queue", "layout.nav.supportQueue", "inbox",
				"/support/queue", 85, Set.of("ROLE_ADMIN", "ROLE_PLATFORM_ADMIN"));
	}

}
