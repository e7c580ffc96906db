/**
 * Working-mother support: milestones, support groups, leave-coverage (proxy) requests and the support chat. Only its demo rows exist so far (a platform.DemoSeed that writes its own tables). Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.wellbeing;
