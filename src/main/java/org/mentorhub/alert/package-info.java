/**
 * Early alerts on students at risk, with owner, status and history. Only its demo rows exist so far (a platform.DemoSeed that writes its own tables). Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.alert;
