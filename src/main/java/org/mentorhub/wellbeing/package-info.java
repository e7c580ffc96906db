/**
 * Working-mother support: milestones, support groups, leave-coverage (proxy) requests and the support chat. Milestones, support groups, leave coverage and the chat exist (docs/wellbeing.md). Uses: platform, identity (time zones), mentorship and session (leave coverage pauses and resumes); reads the identity_people and mentorship_pairs views.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "mentorship", "session", "platform :: privacy"})
package org.mentorhub.wellbeing;
