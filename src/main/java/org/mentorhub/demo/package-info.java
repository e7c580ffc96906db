/**
 * Orchestrates the demo institutions at start-up (mentorhub.demo.enabled): runs every module's platform.DemoSeed in order, once, and prints the logins. Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.demo;
