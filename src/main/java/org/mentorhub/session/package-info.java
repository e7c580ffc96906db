/**
 * Mentoring sessions: scheduling, records, notes, action items and feedback. Uses: mentorship, identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"mentorship", "identity", "platform"})
package org.mentorhub.session;
