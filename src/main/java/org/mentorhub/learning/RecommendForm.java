package org.mentorhub.learning;

/** A recommendation: which path, to which mentee, with an optional note; back to the mentees page or the path. */
record RecommendForm(Long pathId, Long menteeId, String note, String from) {
}
