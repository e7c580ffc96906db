package org.mentorhub.session;

/**
 * The booking view's query: the {@code mentorship}, the first day of the slots ({@code from},
 * yyyy-mm-dd), the {@code duration} in minutes and a chosen {@code start} that fills the form.
 */
record SessionBookingForm(Long mentorship, String from, Integer duration, String start) {
}
