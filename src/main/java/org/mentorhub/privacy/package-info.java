/**
 * A person's privacy rights, on top of the providers of platform.privacy (docs/privacy.md, issue 22): the
 * download of one's own data, erasure requests with their cooling-off period and approval, the FERPA
 * disclosure log, the retention settings and their one purge job, and the consent register. Uses: identity,
 * audit (the disclosure log), attachment (a person's files in the download), platform (jobs, privacy).
 * Publishes ErasureRequestChanged and ErasureCompleted (notification tells the person).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "attachment", "platform",
		"platform :: jobs", "platform :: privacy"})
package org.mentorhub.privacy;
