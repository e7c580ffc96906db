/**
 * Early alerts on students at risk as cases with an owner, a status, a history and escalation; raised by hand or by relationship health (the health of each active mentorship, its nudges and ENGAGEMENT alerts). Uses: identity (people), profile (who may read a student academic record), organization (departments), mentorship (active pairs, the health SPI), session (cadence), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "organization", "mentorship", "session", "audit", "platform"})
package org.mentorhub.alert;
