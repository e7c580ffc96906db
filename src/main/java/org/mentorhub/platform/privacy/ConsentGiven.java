package org.mentorhub.platform.privacy;

import java.time.Instant;

/** A person gave a consent in the module that owns it (published by that module, heard by the register). */
public record ConsentGiven(long userId, ConsentKind kind, String textVersion, Instant at) {
}
