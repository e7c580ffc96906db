/**
 * Goals and their dated progress updates. Uses: identity, mentorship, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "mentorship", "platform"})
package org.mentorhub.goal;
