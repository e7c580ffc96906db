package org.mentorhub.profile;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A skill or interest of an institution's vocabulary; the slug (lower case) makes "Java" and "java" one tag. */
@Entity
@Table(name = "tags")
class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private String name;

	private String slug;

	@Column(updatable = false)
	private Instant createdAt;

	protected Tag() {
	}

	static Tag named(long institutionId, String name, Instant now) {
		Tag tag = new Tag();
		tag.institutionId = institutionId;
		tag.name = name;
		tag.slug = slugOf(name);
		tag.createdAt = now;
		return tag;
	}

	static String slugOf(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getSlug() {
		return this.slug;
	}

}
