/**
 * Early alerts on students at risk as cases with an owner, a status, a history and escalation; raised by hand today (rules and relationship health are not built yet). Uses: identity (people), profile (who may read a student's academic record), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "audit", "platform"})
package org.mentorhub.alert;
