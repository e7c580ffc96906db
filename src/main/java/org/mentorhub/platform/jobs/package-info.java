/**
 * The one mechanism for long work in the background ({@link org.mentorhub.platform.jobs.Jobs}): bounded,
 * with progress, and resumed or failed cleanly after a restart. Modules plug work in as a
 * {@link org.mentorhub.platform.jobs.JobHandler}.
 */
@org.springframework.modulith.NamedInterface("jobs")
package org.mentorhub.platform.jobs;
