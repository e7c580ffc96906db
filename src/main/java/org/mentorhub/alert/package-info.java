/**
 * Early alerts on students at risk, with owner, status and history. Uses: identity, profile, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "profile", "platform"})
package org.mentorhub.alert;
