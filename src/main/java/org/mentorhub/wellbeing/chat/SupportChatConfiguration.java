package org.mentorhub.wellbeing.chat;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The support chat's settings, and its link in the navigation of new mothers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportChatProperties.class)
class SupportChatConfiguration {

	@Bean
	NavigationEntry supportChatEntry() {
		return NavigationEntry.of(Group.SUPPORT, "support-chat", "layout.nav.supportChat", "chat-heart", "/support-chat",
				10, java.util.Set.of("ROLE_NEW_MOTHER"));
	}

}
