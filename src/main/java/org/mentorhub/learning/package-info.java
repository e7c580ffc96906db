/**
 * Learning paths, their modules and each user's progress. Only its demo rows exist so far (a platform.DemoSeed that writes its own tables). Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.learning;
