/**
 * Goals of mentees and students and their dated progress updates, seen by the owner, their active mentors and the managers in scope. Uses: identity (people), attachment (files of goals and updates), audit, platform; reads mentorship's published mentorship_pairs view (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "attachment", "audit", "platform", "platform :: privacy"})
package org.mentorhub.goal;
