package org.mentorhub.privacy.erasure;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The administrators' erasure requests and retention pages in the navigation. */
@Configuration(proxyBeanMethods = false)
class ErasureNavigation {

	@Bean
	NavigationEntry erasureRequestsEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "erasure-requests", "layout.nav.erasureRequests", "person-x",
				"/admin/privacy/erasure-requests", 60, Set.of("ROLE_ADMIN"));
	}

	@Bean
	NavigationEntry retentionEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "retention", "layout.nav.retention", "hourglass-split",
				"/admin/privacy/retention", 61, Set.of("ROLE_ADMIN", "ROLE_PLATFORM_ADMIN"));
	}

}
