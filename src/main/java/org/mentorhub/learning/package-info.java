/**
 * Learning paths, their modules and each user's progress. Uses: identity, organization, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization", "platform"})
package org.mentorhub.learning;
