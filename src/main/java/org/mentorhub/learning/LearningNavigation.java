package org.mentorhub.learning;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Learning in the navigation. */
@Configuration(proxyBeanMethods = false)
class LearningNavigation {

	@Bean
	NavigationEntry learningEntry() {
		return NavigationEntry.of(Group.GROWTH, "learning", "layout.nav.learning", "mortarboard", "/learning", 20,
				NavigationEntry.MEMBERS);
	}

}
