/**
 * Mentoring sessions: scheduling, records, notes, action items and feedback. Uses: identity (people, locks), profile (availability), attachment (files of sessions and feedback), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "attachment", "audit", "platform", "platform :: privacy"})
package org.mentorhub.session;
