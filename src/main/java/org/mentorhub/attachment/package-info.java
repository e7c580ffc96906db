/**
 * One store for uploaded files, attached to sessions, feedback, goals, mentorships and resources. Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.attachment;
