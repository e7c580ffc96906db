/**
 * Mentoring sessions: scheduling, records, notes, action items and feedback. Uses: mentorship, identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"mentorship", "identity", "audit", "platform"})
package org.mentorhub.session;
