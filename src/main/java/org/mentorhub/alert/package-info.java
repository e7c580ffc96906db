/**
 * Early alerts on students at risk as cases with an owner, a status, a history and escalation; raised by hand, by the institution's rules, or by relationship health (the health of each active mentorship, its nudges and ENGAGEMENT alerts). Uses: identity (people), profile (who may read a student academic record and academic records in batches), session, mentorship and goal (batch signals and events for the rules), organization (departments), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "session", "mentorship", "goal", "organization", "audit", "platform", "platform :: privacy"})
package org.mentorhub.alert;
