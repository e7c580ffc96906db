/**
 * iCalendar invitations and each user's subscribable calendar feed. Uses: session, identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"session", "identity", "platform"})
package org.mentorhub.calendar;
