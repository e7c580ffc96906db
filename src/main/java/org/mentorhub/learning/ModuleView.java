package org.mentorhub.learning;

/**
 * One module of a path, in order, with whether the viewer has completed it.
 * @param id the module
 * @param number its place in the path, from 1
 * @param title its title
 * @param kind what kind of module it is
 * @param content its text (reading, exercise), or null
 * @param url the page it opens (video, external link, or a reading's source), or null
 * @param resourceId the library resource it points to (resource modules), or null
 * @param estimatedMinutes how long it takes
 * @param completed whether the viewer completed it
 */
public record ModuleView(long id, int number, String title, ModuleKind kind, String content, String url,
		Long resourceId, int estimatedMinutes, boolean completed) {
}
