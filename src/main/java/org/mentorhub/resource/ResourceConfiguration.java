package org.mentorhub.resource;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The library's settings and its place in the navigation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResourceProperties.class)
class ResourceConfiguration {

	@Bean
	NavigationEntry resourcesEntry() {
		return NavigationEntry.of(Group.GROWTH, "resources", "layout.nav.resources", "collection", "/resources", 30,
				NavigationEntry.MEMBERS);
	}

}
