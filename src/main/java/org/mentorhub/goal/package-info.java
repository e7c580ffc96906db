/**
 * Goals and their dated progress updates. Uses: identity, mentorship, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "mentorship", "audit", "platform"})
package org.mentorhub.goal;
