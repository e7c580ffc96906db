package org.mentorhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith's event publication registry as metrics: {@code mentorhub.events.incomplete}, the
 * publications whose listener has not completed (failed, cut off by a crash, or still running), and
 * {@code mentorhub.events.incomplete.oldest.seconds}, the age of the oldest of them. A count that only
 * grows, or an oldest one older than a few resubmission intervals, means a side effect (a mail, a
 * calendar invitation) keeps failing. One query serves both, at most once per {@link #FRESH} per
 * instance, however often Prometheus scrapes; while the database is away both read NaN.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

	static final Duration FRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Reading last = new Reading(Double.NaN, Double.NaN, Instant.EPOCH);

	EventPublicationMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Reading(double incomplete, double oldestSeconds, Instant at) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("mentorhub.events.incomplete", () -> reading().incomplete())
			.description("Event publications whose listener has not completed")
			.register(registry);
		Gauge.builder("mentorhub.events.incomplete.oldest", () -> reading().oldestSeconds())
			.description("Age of the oldest incomplete event publication")
			.baseUnit("seconds")
			.register(registry);
	}

	private synchronized Reading reading() {
		Instant now = this.clock.instant();
		if (Duration.between(this.last.at(), now).compareTo(FRESH) < 0) {
			return this.last;
		}
		Reading fresh;
		try {
			fresh = this.jdbc.sql("SELECT COUNT(*), MIN(publication_date) FROM EVENT_PUBLICATION WHERE completion_date IS NULL")
				.query((rs, row) -> {
					Object oldest = rs.getObject(2);
					Instant since = oldest instanceof OffsetDateTime offset ? offset.toInstant()
							: oldest instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
							: oldest instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC) : null;
					return new Reading(rs.getLong(1),
							since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0), now);
				})
				.single();
		}
		catch (RuntimeException ex) {
			fresh = new Reading(Double.NaN, Double.NaN, now);
		}
		this.last = fresh;
		return fresh;
	}

}
