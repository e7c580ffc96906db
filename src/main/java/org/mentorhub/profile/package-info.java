/**
 * General, mentor and student profiles, skills and interests, weekly availability and onboarding. Uses: identity, organization, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization", "platform"})
package org.mentorhub.profile;
