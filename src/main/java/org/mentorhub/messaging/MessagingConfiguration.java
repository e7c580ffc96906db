package org.mentorhub.messaging;


import org.mentorhub.platform.LayoutSlot;
import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Messaging's settings, its navigation entries and its unread badge in the layout's top bar. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingConfiguration {

	@Bean
	NavigationEntry messagesEntry() {
		return NavigationEntry.of(Group.COMMUNITY, "messages", "messaging.nav.messages", "chat-dots", "/messages", 30,
				NavigationEntry.MEMBERS);
	}

	@Bean
	NavigationEntry networkEntry() {
		return NavigationEntry.of(Group.COMMUNITY, "network", "messaging.nav.network", "people", "/network", 35,
				NavigationEntry.MEMBERS);
	}

	@Bean
	LayoutSlot messagesBadgeSlot() {
		return new LayoutSlot(LayoutSlot.MESSAGES, "messaging/badge :: badge");
	}


}
