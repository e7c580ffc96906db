package org.mentorhub.mentorship;

/**
 * A pair of a bulk-assignment draft to pin or remove ({@code POST /mentorships/bulk/{id}/pins} and
 * {@code /removals}): the mentee's and the mentor's ids, as text so that a bad one is shown on the page.
 */
record BulkPairForm(String menteeId, String mentorId) {
}
