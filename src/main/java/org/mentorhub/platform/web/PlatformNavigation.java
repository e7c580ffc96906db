package org.mentorhub.platform.web;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own pages in the navigation: the mail outbox and the API documentation. */
@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

	@Bean
	NavigationEntry outboxEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "outbox", "layout.nav.outbox", "envelope", "/platform/outbox", 90,
				Set.of("ROLE_PLATFORM_ADMIN"));
	}

	@Bean
	NavigationEntry apiDocsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "api", "layout.nav.api", "code-slash", "/swagger-ui.html", 100,
				Set.of("ROLE_ADMIN", "ROLE_PLATFORM_ADMIN"));
	}

}
