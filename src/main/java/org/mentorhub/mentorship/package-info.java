/**
 * The mentorship life cycle (request or proposal, approval, active, paused, ended), capacity and matching. Uses: identity, profile, organization, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "organization", "platform"})
package org.mentorhub.mentorship;
