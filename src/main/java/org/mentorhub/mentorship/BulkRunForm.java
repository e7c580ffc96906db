package org.mentorhub.mentorship;

/**
 * The bulk-assignment run form ({@code POST /mentorships/bulk}): the department to match in (an id,
 * or empty for the whole scope), the cohort of mentees (e-mails or ids, separated by spaces, commas or
 * semicolons; empty for every unmatched mentee) and the "assign as many as possible" checkbox. Kept
 * as text so that a mistyped id is shown on the form, not refused by the binder.
 */
record BulkRunForm(String departmentId, String cohort, String maximiseAssignments) {
}
