package org.mentorhub.platform.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The absolute session lifetime of QUALITY S6. The rest of S6 is configuration: the idle timeout
 * ({@code spring.session.timeout}, 30 minutes), the cookie flags ({@code server.servlet.session.cookie.*})
 * and a new session id at sign-in ({@link SecurityConfiguration}). The session's last access time is
 * kept to a granularity ({@link CoarseAccessTimeSessionRepository}), so that a page view that
 * changes nothing in the session does not write its row.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionConfiguration.SessionLifetimeProperties.class)
class SessionConfiguration {

	/**
	 * Session settings of MentorHub beyond Spring Session's ({@code mentorhub.platform.session.*}).
	 *
	 * @param absoluteTimeout how long a session may live from its creation, however active
	 * @param accessTimeGranularity how far a request must be from the stored last access time to
	 * move it (and so write the session row); an idle session may end this much sooner, never later
	 */
	@ConfigurationProperties("mentorhub.platform.session")
	record SessionLifetimeProperties(@DefaultValue("12h") Duration absoluteTimeout,
			@DefaultValue("1m") Duration accessTimeGranularity) {
	}

	/**
	 * Wraps Spring Session's JDBC repository in {@link CoarseAccessTimeSessionRepository}. A post
	 * processor, because the repository comes from Spring Session's own configuration; the
	 * granularity is bound from the environment, as a post processor is created before
	 * configuration properties beans.
	 */
	@Bean
	static BeanPostProcessor coarseSessionAccessTime(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository jdbc) {
					Duration granularity = Binder.get(environment)
						.bind("mentorhub.platform.session.access-time-granularity", Duration.class)
						.orElse(Duration.ofMinutes(1));
					return new CoarseAccessTimeSessionRepository<>(jdbc, granularity);
				}
				return bean;
			}
		};
	}

	/**
	 * Right around Spring Session's filter, which reads the session when asked for it and again at the end
	 * of the request: the span in which a session is read once ({@link CoarseAccessTimeSessionRepository}).
	 */
	@Bean
	FilterRegistrationBean<CoarseAccessTimeSessionRepository.ReadOnce> sessionReadOnceFilter() {
		FilterRegistrationBean<CoarseAccessTimeSessionRepository.ReadOnce> registration = new FilterRegistrationBean<>(
				new CoarseAccessTimeSessionRepository.ReadOnce());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
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
