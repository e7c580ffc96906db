/**
 * Learning paths, their modules and each user's progress. Uses: identity, organization, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization", "audit", "platform"})
package org.mentorhub.learning;
