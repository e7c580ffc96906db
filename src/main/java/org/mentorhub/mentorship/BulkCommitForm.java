package org.mentorhub.mentorship;

/**
 * The commit of a bulk-assignment draft ({@code POST /mentorships/bulk/{id}/commit}): the draft's
 * version the page showed, as text so that a bad one is shown on the page.
 */
record BulkCommitForm(String version) {
}
