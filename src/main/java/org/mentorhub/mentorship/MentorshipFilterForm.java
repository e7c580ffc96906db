package org.mentorhub.mentorship;

/**
 * The managed list's filter: a status (blank for all) and the page (from 0; a page that does not
 * parse is the first).
 */
record MentorshipFilterForm(String status, Integer page) {
}
