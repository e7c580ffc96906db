package org.mentorhub.integration;

import java.time.Instant;

/**
 * A person's Microsoft 365 connection can no longer be refreshed (the refresh token was revoked or
 * expired): Outlook events and free/busy stop for them until they connect again at
 * {@code /account/integrations}. Carries no token.
 */
public record MicrosoftReconnectNeeded(long userId, Instant occurredAt) {
}
