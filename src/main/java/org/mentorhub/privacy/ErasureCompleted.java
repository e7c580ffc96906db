package org.mentorhub.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A person's data was erased. The account no longer has their address, so the event carries the one
 * they had (captured when the job began) for the last mail, and what was kept and why. It carries nothing
 * else of the person (not their name): the mail and this event's publication stay after the erasure.
 * @param requestId the request
 * @param email the address the account had; null when the job could not capture it (a re-run after the
 * account was already pseudonymised)
 * @param kept what was kept and why, in words, one item per line of the mail
 * @param at when the erasure completed
 */
public record ErasureCompleted(long requestId, String email, List<String> kept, Instant at) {
}
