/**
 * Mentoring sessions: scheduling, records, notes, action items and feedback. Uses: identity (people, locks), profile (availability), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "audit", "platform"})
package org.mentorhub.session;
