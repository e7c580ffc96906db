package org.mentorhub.integration.microsoft;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.mentorhub.session.ExternalBusyTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Free/busy for the booking view (the session module's {@link ExternalBusyTimes}): the busy times of
 * each connected person's own Outlook calendar ({@code POST /me/calendar/getSchedule}), asked once
 * per person with the short timeout and no retry, and reused for {@code free-busy-cache-for}. A
 * calendar that cannot be read makes the answer {@code unavailable}: the booking view then offers
 * MentorHub's own availability and says so.
 */
@Component
class OutlookFreeBusy implements ExternalBusyTimes {

	private static final Logger log = LoggerFactory.getLogger(OutlookFreeBusy.class);

	/** Graph's statuses that hold the time. */
	static final Set<String> BUSY = Set.of("busy", "oof", "tentative");

	private final MicrosoftTokens tokens;

	private final GraphClient graph;

	private final Cache<Key, List<Interval>> cache;

	record Key(long userId, Instant from, Instant to) {
	}

	OutlookFreeBusy(MicrosoftTokens tokens, GraphClient graph, MicrosoftProperties properties) {
		this.tokens = tokens;
		this.graph = graph;
		this.cache = Caffeine.newBuilder().expireAfterWrite(properties.freeBusyCacheFor()).maximumSize(10_000).build();
	}

	@Override
	public Answer busy(Collection<Long> userIds, Instant from, Instant to) {
		Map<Long, String> statuses = this.tokens.statuses(userIds);
		List<Long> connected = statuses.entrySet().stream().filter(e -> "ACTIVE".equals(e.getValue())).map(Map.Entry::getKey)
			.sorted().toList();
		if (connected.isEmpty()) {
			return Answer.none();
		}
		// The window starts at the hour, so that the answer is reused while the clock moves on.
		Instant start = from.truncatedTo(ChronoUnit.HOURS);
		List<Interval> busy = new ArrayList<>();
		boolean unavailable = false;
		for (long user : connected) {
			Key key = new Key(user, start, to);
			List<Interval> known = this.cache.getIfPresent(key);
			if (known == null) {
				try {
					known = read(user, start, to);
					this.cache.put(key, known);
				}
				catch (RuntimeException ex) {
					// Any failure (Graph, the token endpoint, a revoked consent) falls back to MentorHub's availability.
					log.info("Free/busy of user {} unavailable: {}", user, ex.getClass().getSimpleName());
					unavailable = true;
					continue;
				}
			}
			busy.addAll(known);
		}
		return new Answer(List.copyOf(busy), true, unavailable);
	}

	private List<Interval> read(long user, Instant from, Instant to) {
		String email = this.tokens.status(user).map(MicrosoftTokens.Status::email).orElse(null);
		if (email == null) {
			return List.of();
		}
		List<Interval> busy = new ArrayList<>();
		for (GraphClient.ScheduleItem item : this.graph.schedule(user, email, from, to)) {
			if (item.status() != null && BUSY.contains(item.status()) && item.start() != null && item.end() != null) {
				busy.add(new Interval(item.start().instant(), item.end().instant()));
			}
		}
		return List.copyOf(busy);
	}

	/** Forgets every cached answer (tests). */
	void clear() {
		this.cache.invalidateAll();
	}

}
