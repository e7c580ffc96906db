/**
 * Working-mother support: milestones, support groups, leave-coverage (proxy) requests and the support chat. Uses: identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform"})
package org.mentorhub.wellbeing;
