package org.mentorhub.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new PasswordHashing();
	}

}
