package org.mentorhub.platform.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The absolute session lifetime of QUALITY S6. The rest of S6 is configuration: the idle timeout
 * ({@code spring.session.timeout}, 30 minutes), the cookie flags ({@code server.servlet.session.cookie.*})
 * and a new session id at sign-in ({@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionConfiguration.SessionLifetimeProperties.class)
class SessionConfiguration {

	/**
	 * Session settings of MentorHub beyond Spring Session's ({@code mentorhub.platform.session.*}).
	 *
	 * @param absoluteTimeout how long a session may live from its creation, however active
	 */
	@ConfigurationProperties("mentorhub.platform.session")
	record SessionLifetimeProperties(@DefaultValue("12h") Duration absoluteTimeout) {
	}

	@Bean
	FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(Clock clock,
			SessionLifetimeProperties properties) {
		FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(clock, properties.absoluteTimeout()));
		// Right after Spring Session's filter (which loads the session), long before Spring Security's.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
