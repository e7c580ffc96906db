/**
 * General, mentor and student profiles, skills and interests, weekly availability, onboarding and avatars. Uses: identity, organization, attachment, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization", "attachment", "audit", "platform", "platform :: jobs", "platform :: imports", "platform :: privacy"})
package org.mentorhub.profile;
