package org.mentorhub.calendar;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar subscription in the user menu. */
@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

	@Bean
	NavigationEntry calendarEntry() {
		return NavigationEntry.of(Group.ACCOUNT, "calendar", "layout.nav.calendar", "calendar-week", "/account/calendar",
				40, NavigationEntry.MEMBERS);
	}

}
