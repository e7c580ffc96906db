package org.mentorhub.platform.privacy;

import java.time.Instant;

/** A person withdrew a consent in the module that owns it (published by that module, heard by the register). */
public record ConsentWithdrawn(long userId, ConsentKind kind, Instant at) {
}
