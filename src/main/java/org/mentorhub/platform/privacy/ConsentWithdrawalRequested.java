package org.mentorhub.platform.privacy;

import java.time.Instant;

/**
 * A person withdrew a consent in the consent register (/account/privacy): the owning module stops what the
 * consent allowed (the support chat deletes her history; the profile leaves the directory). Idempotent.
 */
public record ConsentWithdrawalRequested(long userId, ConsentKind kind, Instant at) {
}
