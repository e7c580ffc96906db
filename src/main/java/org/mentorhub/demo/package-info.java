/**
 * Loads the demo institutions, users and activity at start-up (mentorhub.demo.enabled). Uses: identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.mentorhub.demo;
