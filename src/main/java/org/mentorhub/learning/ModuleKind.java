package org.mentorhub.learning;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a module of a learning path is: text to read, a video or an external page (both by URL), an
 * exercise (text), or a resource of the institution's library (by its id).
 */
public enum ModuleKind {

	READING, VIDEO, EXERCISE, EXTERNAL_LINK, RESOURCE;

	/** The kind of this name (case does not matter), if there is one. */
	public static Optional<ModuleKind> of(String name) {
		String code = name == null ? "" : name.strip();
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(code)).findFirst();
	}

}
