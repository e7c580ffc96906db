/**
 * Early alerts on students at risk as cases with an owner, a status, a history and escalation; raised by hand today (rules and relationship health are not built yet). Uses: identity (people), profile (who may read a student academic record), organization (departments), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "organization", "audit", "platform"})
package org.mentorhub.alert;
