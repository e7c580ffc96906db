/**
 * One store for uploaded files, attached to sessions, feedback, goals, goal updates, mentorships and avatars, with one API for them; the owning modules decide who sees and adds files through the AttachmentParent interface. Uses: identity (names), audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform", "platform :: privacy"})
package org.mentorhub.attachment;
