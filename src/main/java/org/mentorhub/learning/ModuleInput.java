package org.mentorhub.learning;

/**
 * What an author types for a module (checked by {@link LearningPaths}): title, kind, content and/or URL
 * (as the kind needs), the library resource's id (resource modules) and the estimated minutes.
 * @param title 1 to 200 characters
 * @param kind READING, VIDEO, EXERCISE, EXTERNAL_LINK or RESOURCE
 * @param content text, at most 20000 characters
 * @param url an http or https URL, at most 1000 characters
 * @param resourceId a positive id of a library resource
 * @param estimatedMinutes 1 to 10000
 */
public record ModuleInput(String title, String kind, String content, String url, Long resourceId,
		Integer estimatedMinutes) {
}
