/**
 * One store for uploaded files, attached to sessions, feedback, goals, mentorships and resources. Uses: identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform"})
package org.mentorhub.attachment;
