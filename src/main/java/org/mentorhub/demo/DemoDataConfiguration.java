package org.mentorhub.demo;

import java.time.Clock;

import org.mentorhub.platform.DemoSeed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoDataConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "mentorhub.demo.enabled", matchIfMissing = true)
	DemoDataLoader demoDataLoader(ObjectProvider<DemoSeed> seeds, TransactionTemplate transactions,
			DemoProperties properties, Clock clock) {
		return new DemoDataLoader(seeds.orderedStream().toList(), transactions, properties, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mentorhub.demo.enabled", matchIfMissing = true)
	ApplicationRunner demoDataRunner(DemoDataLoader loader) {
		return arguments -> loader.loadAndPrintLogins();
	}

}
