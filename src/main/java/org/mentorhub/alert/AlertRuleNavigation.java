package org.mentorhub.alert;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alert rules in the navigation: administrators change them, coordinators read them. */
@Configuration(proxyBeanMethods = false)
class AlertRuleNavigation {

	@Bean
	NavigationEntry alertRulesEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "alert-rules", "layout.nav.alertRules", "sliders", "/alerts/rules",
				42, NavigationEntry.MANAGERS);
	}

}
