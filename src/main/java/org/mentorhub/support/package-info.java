/**
 * The support desk: issues reported by anyone signed in (with the page they were on and screenshots), threaded messages with internal staff notes, assignees, guarded status transitions, escalation to the platform administrator, and abuse reports from other modules (platform.AbuseReported). Uses: attachment (the AttachmentParent interface), platform; reads identity's published identity_people and identity_person_roles views.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"attachment", "platform", "platform :: privacy"})
package org.mentorhub.support;
