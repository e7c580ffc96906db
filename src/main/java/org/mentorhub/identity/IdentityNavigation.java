package org.mentorhub.identity;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** People administration in the navigation, and the account pages in the user menu. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	NavigationEntry peopleEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "people", "layout.nav.people", "people", "/admin/users", 15,
				Set.of("USER_MANAGE"));
	}

	@Bean
	NavigationEntry singleSignOnEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "sso", "layout.nav.sso", "box-arrow-in-right", "/admin/sso", 16,
				Set.of("ROLE_ADMIN"));
	}

	@Bean
	NavigationEntry accountEntry() {
		return NavigationEntry.of(Group.ACCOUNT, "account", "layout.nav.account", "person-gear", "/account", 10,
				Set.of());
	}

	@Bean
	NavigationEntry securityEntry() {
		return NavigationEntry.of(Group.ACCOUNT, "security", "layout.nav.security", "shield-lock", "/account/sessions",
				20, Set.of());
	}

	@Bean
	NavigationEntry tokensEntry() {
		return NavigationEntry.of(Group.ACCOUNT, "tokens", "layout.nav.tokens", "key", "/account/tokens", 30,
				Set.of("API_TOKEN"));
	}

}
