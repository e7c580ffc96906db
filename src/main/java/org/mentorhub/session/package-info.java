/**
 * Mentoring sessions: scheduling, records, notes, action items and feedback. Uses: mentorship, identity, profile (availability), audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"mentorship", "identity", "profile", "audit", "platform"})
package org.mentorhub.session;
