package org.mentorhub.wellbeing.coverage;

/** A colleague of the caller's institution, for the proxy and mother choices. */
public record PersonOption(long id, String fullName) {
}
