package org.mentorhub.messaging;

import java.util.List;

/**
 * Somebody the viewer may know, with why.
 *
 * @param personId the person
 * @param name their full name
 * @param sameDepartment whether they are of the viewer's department
 * @param sharedTags the skills and interests both have, by name
 */
public record Suggestion(long personId, String name, boolean sameDepartment, List<String> sharedTags) {
}
