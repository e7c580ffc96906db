package org.mentorhub.platform;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link RateLimiter} and where it keeps its buckets: {@code mentorhub.platform.rate-limits.store} is
 * {@code database} (default: shared by every instance) or {@code memory} (this instance only).
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

	@Bean
	RateLimiter rateLimiter(Clock clock, @Value("${mentorhub.platform.rate-limits.store:database}") String store,
			org.springframework.beans.factory.ObjectProvider<JdbcRateLimitBuckets> database,
			org.springframework.beans.factory.ObjectProvider<MeterRegistry> meters) {
		RateLimiter limiter = switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "database" -> new RateLimiter(clock, database.getObject());
			case "memory" -> new RateLimiter(clock);
			default -> throw new IllegalStateException(
					"mentorhub.platform.rate-limits.store must be database or memory, not " + store);
		};
		MeterRegistry registry = meters.getIfAvailable(() -> Metrics.globalRegistry);
		limiter.onRefusal(limit -> Counter.builder("mentorhub.rate.limit.refusals")
			.description("Calls refused with 429 by a rate limit, by the limit's name")
			.tag("limit", limit)
			.register(registry)
			.increment());
		return limiter;
	}

	@Bean
	JdbcRateLimitBuckets jdbcRateLimitBuckets(JdbcClient jdbc, javax.sql.DataSource dataSource,
			PlatformTransactionManager transactions, Clock clock) {
		return new JdbcRateLimitBuckets(jdbc, dataSource, transactions, clock);
	}

}
