package org.mentorhub.integration.microsoft;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Microsoft 365 settings, and the integrations page in the user menu. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MicrosoftProperties.class)
class MicrosoftConfiguration {

	@Bean
	NavigationEntry integrationsEntry() {
		return NavigationEntry.of(Group.ACCOUNT, "integrations", "layout.nav.integrations", "plug",
				"/account/integrations", 45, NavigationEntry.MEMBERS);
	}

}
