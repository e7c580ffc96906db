/**
 * Working-mother support: milestones, support groups, leave-coverage (proxy) requests and the support chat. Milestones and support groups exist (docs/wellbeing.md); the rest has only demo rows. Uses: platform, identity (time zones); reads the identity_people and mentorship_pairs views.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "platform :: privacy"})
package org.mentorhub.wellbeing;
