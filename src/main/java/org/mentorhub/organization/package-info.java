/**
 * Institutions (the tenants) and their departments. Uses: audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "platform", "platform :: privacy"})
package org.mentorhub.organization;
