package org.mentorhub.alert;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Alerts in the navigation: the triage queue for coordinators and administrators, and everybody's own cases. */
@Configuration(proxyBeanMethods = false)
class AlertNavigation {

	@Bean
	NavigationEntry alertQueueEntry() {
		return NavigationEntry.of(Group.MENTORING, "alerts", "layout.nav.alerts", "exclamation-triangle", "/alerts", 40,
				NavigationEntry.MANAGERS);
	}

	@Bean
	NavigationEntry myAlertsEntry() {
		return NavigationEntry.of(Group.MENTORING, "my-alerts", "layout.nav.myAlerts", "clipboard-check",
				"/alerts/mine", 41, Set.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_MENTOR", "ROLE_MENTEE",
						"ROLE_NEW_MOTHER"));
	}

}
