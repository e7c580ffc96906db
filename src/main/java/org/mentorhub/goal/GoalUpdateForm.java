package org.mentorhub.goal;

/** The progress-update form: the new progress and status, a note, and the version the page showed. */
record GoalUpdateForm(Integer progressPct, String status, String note, Long version) {
}
