/**
 * Integrations with outside systems; integration.microsoft holds Microsoft 365 (Graph) calendars. Uses: nothing yet (no code); add a module here when its code first needs it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform :: privacy"})
package org.mentorhub.integration;
