package org.mentorhub.platform.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

/**
 * Publishes an {@code AuthorizationDeniedEvent} for every access that the filter chain or method
 * security refuses, so that the audit log can record denied access (QUALITY S12). Granted
 * decisions are not published.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationEventsConfiguration {

	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

}
