/**
 * iCalendar invitations and each user's subscribable calendar feed. Uses: session, identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"session", "identity", "audit", "platform", "platform :: privacy"})
package org.mentorhub.calendar;
