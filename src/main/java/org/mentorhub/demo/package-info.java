/**
 * Loads the demo institutions, users and activity at start-up (mentorhub.demo.enabled). Uses: identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform"})
package org.mentorhub.demo;
