package org.mentorhub.resource;

import java.util.List;

/**
 * A new resource: exactly one of a link ({@code url}) or an uploaded file; the type is a
 * {@link ResourceType} code; tags are free names of the institution's vocabulary.
 */
public record ResourceInput(String title, String description, String type, String category, List<String> tags,
		String url, Boolean publish) {
}
