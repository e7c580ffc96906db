/**
 * The mentorship life cycle (request or proposal, approval, active, paused, ended), capacity and matching. Uses: identity, profile, organization, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "organization", "audit", "platform", "platform :: jobs"})
package org.mentorhub.mentorship;
