package org.mentorhub.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the in-memory caches of {@link LocalCaches} keep an entry ({@code mentorhub.platform.caches.*}).
 *
 * @param ttl per cache name, how long an entry lives after it was loaded; a cache not named here keeps
 * the default its owner gives. The time bounds how stale an entry may be on an instance that did not
 * see the change (several instances: the owners invalidate only their own instance's entries).
 */
@ConfigurationProperties("mentorhub.platform.caches")
public record CacheProperties(@DefaultValue Map<String, Duration> ttl) {
}
