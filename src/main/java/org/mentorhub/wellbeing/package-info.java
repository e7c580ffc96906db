/**
 * Working-mother support: milestones, support groups, leave-coverage (proxy) requests and the support chat. Uses: nothing yet (no code); add a module here when its code first needs it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.mentorhub.wellbeing;
