package org.mentorhub.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.platform.PlatformProperties;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's subscribable calendar feed at a secret URL, {@code /calendar/feed/{token}.ics}. The
 * token has 256 random bits and only its SHA-256 is stored (like personal access tokens), so the URL
 * is shown once, when it is made; rotating replaces it and the old URL answers 404 at once. The feed
 * holds the user's confirmed, rescheduled and completed sessions from {@code feed-past} back to
 * {@code feed-ahead} ahead, with titles, times, places and links only.
 */
@Service
public class CalendarFeeds {

	/** The shape of a token: 32 bytes, URL-safe base64 without padding. */
	static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	/** The most events one feed carries. */
	static final int MAX_EVENTS = 2000;

	private final JdbcClient jdbc;

	private final CalendarSessions sessions;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final RateLimiter limiter;

	private final PlatformProperties platform;

	private final CalendarProperties properties;

	private final Clock clock;

	private final People people;

	CalendarFeeds(JdbcClient jdbc, CalendarSessions sessions, Tenancy tenancy, AuditTrail audit, RateLimiter limiter,
			PlatformProperties platform, CalendarProperties properties, Clock clock, People people) {
		this.people = people;
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.tenancy = tenancy;
		this.audit = audit;
		this.limiter = limiter;
		this.platform = platform;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the signed-in user has a feed, and since when. */
	public record FeedStatus(boolean active, Instant createdAt) {
	}

	/** A new feed URL: shown once. */
	public record NewFeed(String url, Instant createdAt, boolean rotated) {
	}

	@Transactional(readOnly = true)
	public FeedStatus mine() {
		return this.jdbc.sql("SELECT created_at FROM calendar_feed_tokens WHERE user_id = :user")
			.param("user", this.tenancy.actor().id())
			.query(LocalDateTime.class)
			.optional()
			.map(created -> new FeedStatus(true, created.toInstant(ZoneOffset.UTC)))
			.orElse(new FeedStatus(false, null));
	}

	/** Makes the signed-in user's feed URL, or replaces it (the old one stops working). */
	@Transactional
	public NewFeed rotate() {
		long userId = this.tenancy.actor().id();
		String token = TokenHashing.newToken();
		String hash = TokenHashing.sha256Hex(token);
		Instant now = this.clock.instant();
		LocalDateTime at = CalendarSessions.utc(now);
		int updated = this.jdbc.sql("UPDATE calendar_feed_tokens SET token_hash = :hash, created_at = :at WHERE user_id = :user")
			.param("hash", hash)
			.param("at", at)
			.param("user", userId)
			.update();
		boolean rotated = updated > 0;
		if (!rotated) {
			try {
				this.jdbc.sql("INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES (:user, :hash, :at)")
					.param("user", userId)
					.param("hash", hash)
					.param("at", at)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// Made at the same moment by another request of the same user: replace that one.
				this.jdbc.sql("UPDATE calendar_feed_tokens SET token_hash = :hash, created_at = :at WHERE user_id = :user")
					.param("hash", hash)
					.param("at", at)
					.param("user", userId)
					.update();
				rotated = true;
			}
		}
		this.audit.record(AuditRecord.of(rotated ? "CALENDAR_FEED_ROTATED" : "CALENDAR_FEED_CREATED", "calendar_feed",
				userId));
		return new NewFeed(url(token), now, rotated);
	}

	/** Turns the signed-in user's feed off; false when there was none. */
	@Transactional
	public boolean remove() {
		long userId = this.tenancy.actor().id();
		int removed = this.jdbc.sql("DELETE FROM calendar_feed_tokens WHERE user_id = :user").param("user", userId).update();
		if (removed > 0) {
			this.audit.record(AuditRecord.of("CALENDAR_FEED_REMOVED", "calendar_feed", userId));
		}
		return removed > 0;
	}

	/**
	 * The feed behind a token, or empty for an unknown one. Each URL may be fetched
	 * {@code feed-requests-per-hour} times an hour (429 beyond).
	 */
	@Transactional(readOnly = true)
	public Optional<String> feed(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		String hash = TokenHashing.sha256Hex(token);
		// A disabled account's feed stops with it (and works again if the account is enabled again).
		Optional<Long> user = this.jdbc.sql("SELECT user_id FROM calendar_feed_tokens WHERE token_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.optional()
			.filter(id -> this.people.find(id).filter(Person::active).isPresent());
		if (user.isEmpty()) {
			return Optional.empty();
		}
		this.limiter.acquire("calendar-feed-url", hash, this.properties.feedRequestsPerHour(), Duration.ofHours(1));
		Instant now = this.clock.instant();
		var events = this.sessions.forFeed(user.get(), now.minus(this.properties.feedPast()),
				now.plus(this.properties.feedAhead()), MAX_EVENTS);
		return Optional.of(ICalendars.feed("MentorHub sessions", events, now, host()));
	}

	String url(String token) {
		return this.platform.baseUrl().toString().replaceAll("/+$", "") + "/calendar/feed/" + token + ".ics";
	}

	private String host() {
		String host = this.platform.baseUrl().getHost();
		return host == null ? "mentorhub.local" : host;
	}

}
