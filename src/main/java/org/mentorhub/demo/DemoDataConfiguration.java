package org.mentorhub.demo;

import java.time.Clock;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoDataConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "mentorhub.demo.enabled", matchIfMissing = true)
	DemoDataLoader demoDataLoader(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, PasswordEncoder passwords,
			DemoProperties properties, Clock clock) {
		return new DemoDataLoader(jdbc, jdbcTemplate, transactions, passwords, properties, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mentorhub.demo.enabled", matchIfMissing = true)
	ApplicationRunner demoDataRunner(DemoDataLoader loader) {
		return arguments -> loader.loadAndPrintLogins();
	}

}
