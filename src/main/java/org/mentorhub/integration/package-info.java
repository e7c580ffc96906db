/**
 * Integrations with outside systems; integration.microsoft holds Microsoft 365 (Graph) calendars. Uses: session (events and the outlook event facade and its busy-times SPI), calendar (its invitation SPI), identity (people), audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"session", "calendar", "identity", "audit", "platform", "platform :: privacy"})
package org.mentorhub.integration;
