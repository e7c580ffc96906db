/**
 * General, mentor and student profiles, skills and interests, weekly availability and onboarding. Uses: identity, organization, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization", "audit", "platform"})
package org.mentorhub.profile;
