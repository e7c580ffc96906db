package org.mentorhub.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Short-lived in-memory caches of this instance (Caffeine), made by the modules that own what they hold.
 * Each entry expires a fixed time after it was loaded ({@code mentorhub.platform.caches.ttl.<name>},
 * else the owner's default), and the owner invalidates entries on the changes it hears of. Another
 * instance does not hear of them, so with several instances an entry may be that old: the time to live
 * is the bound (docs/performance.md, "Caches"). Nothing per user goes in: an entry is shared by everyone
 * whose request asks for the same key.
 */
@Component
public class LocalCaches {

	private final CacheProperties properties;

	private final Map<String, Cache<?, ?>> caches = new ConcurrentHashMap<>();

	LocalCaches(CacheProperties properties) {
		this.properties = properties;
	}

	/** A new cache called {@code name}, entries living {@code ttl} (unless configured), at most {@code maximumSize}. */
	public <K, V> Cache<K, V> create(String name, Duration ttl, long maximumSize) {
		Cache<K, V> cache = Caffeine.newBuilder()
			.expireAfterWrite(ttlOf(name, ttl))
			.maximumSize(maximumSize)
			.build();
		if (this.caches.putIfAbsent(name, cache) != null) {
			throw new IllegalStateException("A cache called " + name + " exists already");
		}
		return cache;
	}

	/** How long an entry of the cache lives: the configured time, else the given default. */
	public Duration ttlOf(String name, Duration ttl) {
		return this.properties.ttl().getOrDefault(name, ttl);
	}

	/** Empties every cache (tests that change the database behind the application's back). */
	public void clearAll() {
		this.caches.values().forEach(Cache::invalidateAll);
	}

}
