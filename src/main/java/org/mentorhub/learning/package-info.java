/**
 * Learning paths authored by an institution's administrators and coordinators, their ordered modules, each learner's progress, and mentors' recommendations of a path to their mentees. Uses: identity (people), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform"})
package org.mentorhub.learning;
