package org.mentorhub.mentorship.matching;

/**
 * One factor of a score: its weight (0..100), its normalised value (0..100) and the points it adds
 * (weight × value).
 */
public record FactorScore(Factor factor, int weight, int value, int points) {
}
