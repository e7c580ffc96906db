package org.mentorhub.platform.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code Idempotency-Key} mechanism of API POSTs ({@link IdempotencyFilter}) and the purge of expired keys. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

	/** After the security chain (the caller is known, a refused one claims nothing) and the input hygiene filter. */
	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, IdempotencyProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(jdbc, properties, clock, transactions));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20);
		return registration;
	}

	/** Deletes keys older than {@code mentorhub.idempotency.retention}, once per cluster (ShedLock). */
	@Component
	static class IdempotencyKeyPurge {

		private final JdbcClient jdbc;

		private final IdempotencyProperties properties;

		private final Clock clock;

		IdempotencyKeyPurge(JdbcClient jdbc, IdempotencyProperties properties, Clock clock) {
			this.jdbc = jdbc;
			this.properties = properties;
			this.clock = clock;
		}

		@Scheduled(fixedDelayString = "${mentorhub.idempotency.purge-interval:PT1H}",
				initialDelayString = "${mentorhub.idempotency.purge-initial-delay:PT7M}")
		@SchedulerLock(name = "idempotency-key-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
		void run() {
			purge();
		}

		/** Deletes the expired keys; returns how many. */
		int purge() {
			LocalDateTime before = LocalDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
					ZoneOffset.UTC);
			return this.jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before").param("before", before)
				.update();
		}

	}

}
