/**
 * Integrations with outside systems; integration.microsoft holds Microsoft 365 (Graph) calendars. Uses: identity, session, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "session", "platform"})
package org.mentorhub.integration;
