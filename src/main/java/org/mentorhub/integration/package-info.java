/**
 * Integrations with outside systems; integration.microsoft holds Microsoft 365 (Graph) calendars. Uses: identity, session, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "session", "audit", "platform"})
package org.mentorhub.integration;
