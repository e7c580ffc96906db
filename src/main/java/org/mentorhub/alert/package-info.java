/**
 * Early alerts on students at risk, with owner, status and history. Uses: identity, profile, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "audit", "platform"})
package org.mentorhub.alert;
