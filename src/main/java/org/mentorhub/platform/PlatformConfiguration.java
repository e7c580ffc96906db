package org.mentorhub.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares: the clock (replaceable in tests) and the platform properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PlatformProperties.class, CacheProperties.class,
		org.mentorhub.platform.mail.MailProperties.class })
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
