package org.mentorhub.learning;

import java.time.Instant;

/**
 * A learning path as lists and pages show it.
 * @param id the path
 * @param title its title
 * @param category its category (free text, such as leadership)
 * @param description what it is about, or null
 * @param status draft or published
 * @param moduleCount how many modules it has
 * @param totalMinutes the modules' estimated minutes, added up
 * @param publishedAt when it was last published, or null
 * @param updatedAt when it last changed
 * @param version the version to name when editing it
 */
public record PathView(long id, String title, String category, String description, PathStatus status, int moduleCount,
		int totalMinutes, Instant publishedAt, Instant updatedAt, long version) {

	public boolean published() {
		return this.status == PathStatus.PUBLISHED;
	}

}
