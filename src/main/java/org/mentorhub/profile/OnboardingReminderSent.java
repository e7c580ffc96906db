package org.mentorhub.profile;

import java.time.Instant;

/**
 * Published when an administrator or coordinator reminded a person to finish onboarding (one event per
 * person reminded, also when everyone on a page is reminded at once), in the transaction that records
 * the reminder.
 * @param userId who was reminded
 * @param actorId who sent the reminder
 * @param occurredAt when it was sent
 */
public record OnboardingReminderSent(long userId, Long actorId, Instant occurredAt) {
}
