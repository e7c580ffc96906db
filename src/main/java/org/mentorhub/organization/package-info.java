/**
 * Institutions (the tenants) and their departments. Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.organization;
