package org.mentorhub.integration.microsoft;

/**
 * The organiser asked MentorHub to try again to bring a session's Outlook event up to date; handled
 * after the commit, off the request, by {@link OutlookEvents}.
 */
public record OutlookSyncRequested(long sessionId, long organiserId) {
}
