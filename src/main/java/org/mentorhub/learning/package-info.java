/**
 * Learning paths authored by an institution's administrators and coordinators, their ordered modules, each learner's progress, and mentors' recommendations of a path to their mentees. Uses: identity (people), audit, platform, resource (the published resources a module points to); reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform", "resource", "platform :: privacy"})
package org.mentorhub.learning;
