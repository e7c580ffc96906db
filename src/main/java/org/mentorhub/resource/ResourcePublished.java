package org.mentorhub.resource;

import java.time.Instant;

/** A resource became visible in its institution's library (published), or left it (unpublished). */
public record ResourcePublished(long resourceId, long institutionId, String title, boolean published, long byId,
		Instant at) {
}
