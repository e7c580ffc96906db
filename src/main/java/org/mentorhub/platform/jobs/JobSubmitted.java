package org.mentorhub.platform.jobs;

/** A job was submitted or retried; once the submitting transaction commits, a thread picks it up. */
public record JobSubmitted(long jobId) {
}
