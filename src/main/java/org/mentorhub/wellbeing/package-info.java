/**
 * Working-mother support: milestones, support groups, leave-coverage (proxy) requests and the support chat. Uses: identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.mentorhub.wellbeing;
