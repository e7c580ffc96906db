package org.mentorhub.session;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sessions, action items and attendance in the navigation. */
@Configuration(proxyBeanMethods = false)
class SessionNavigation {

	@Bean
	NavigationEntry sessionsEntry() {
		return NavigationEntry.of(Group.MENTORING, "sessions", "layout.nav.sessions", "calendar-event", "/sessions", 10,
				NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry actionItemsEntry() {
		return NavigationEntry.of(Group.MENTORING, "action-items", "layout.nav.actionItems", "list-check",
				"/action-items", 30, NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry attendanceEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "attendance", "layout.nav.attendance", "clipboard-check",
				"/sessions/attendance", 40, NavigationEntry.MANAGERS);
	}

}
