package org.mentorhub.report.program;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The program dashboard's link in the navigation, for administrators and coordinators. */
@Configuration(proxyBeanMethods = false)
class ProgramNavigation {

	@Bean
	NavigationEntry programDashboardEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "program-dashboard", "report.program.nav", "bar-chart-line",
				"/reports/program", 10, NavigationEntry.MANAGERS);
	}

}
