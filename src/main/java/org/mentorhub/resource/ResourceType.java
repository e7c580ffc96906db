package org.mentorhub.resource;

import java.util.Locale;
import java.util.Optional;

/** What kind of material a resource is; each has its own icon on the library's cards. */
public enum ResourceType {

	MEDITATION("flower1"), GUIDEBOOK("book"), STORY("chat-quote"), COURSE("mortarboard"),
	VIRTUAL_SESSION("camera-video");

	private final String icon;

	ResourceType(String icon) {
		this.icon = icon;
	}

	/** The Bootstrap icon name of the type's cards. */
	public String icon() {
		return this.icon;
	}

	/** The type of a code (case and {@code -} do not matter), empty for an unknown one. */
	public static Optional<ResourceType> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String normal = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (ResourceType type : values()) {
			if (type.name().equals(normal)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
