/**
 * One store for uploaded files, attached to sessions, feedback, goals, mentorships and resources. Uses: identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.mentorhub.attachment;
