package org.mentorhub.profile;

/**
 * Something that matching reads of a person changed: their profile (expertise, tags, the mentor part),
 * their weekly availability or a mentor's places. Published inside the transaction of the change, so
 * that the mentorship module's cached pool of mentors (mentor suggestions) is dropped once it commits.
 *
 * @param userId the person
 */
public record MatchingProfileChanged(long userId) {
}
