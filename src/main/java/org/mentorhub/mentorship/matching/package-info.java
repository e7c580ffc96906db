/**
 * Matching: the explainable score of a mentee and a mentor, top-10 suggestions, and the exact
 * capacitated bulk assignment (OR-Tools min-cost flow) with a greedy baseline. Pure Java, no Spring
 * beans: the mentorship module builds the profiles from its data and calls {@link
 * org.mentorhub.mentorship.matching.MatchingIndex} and {@link org.mentorhub.mentorship.matching.BulkAssigner}.
 * See docs/matching.md.
 */
@org.springframework.modulith.NamedInterface("matching")
package org.mentorhub.mentorship.matching;
