package org.mentorhub.learning;

/**
 * What an author types for a path: title, category and description (checked by {@link LearningPaths}).
 * @param title 1 to 200 characters
 * @param category 1 to 64 characters
 * @param description at most 5000 characters, or empty
 */
public record PathInput(String title, String category, String description) {
}
