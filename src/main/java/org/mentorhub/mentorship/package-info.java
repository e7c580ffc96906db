/**
 * The mentorship life cycle (request or proposal, approval, active, paused, ended), capacity and matching. Uses: identity, profile, organization, attachment (files of mentorships), audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "organization", "attachment", "audit", "platform", "platform :: jobs", "platform :: privacy"})
package org.mentorhub.mentorship;
