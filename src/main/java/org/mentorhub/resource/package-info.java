/**
 * The resource library: an institution's links and files (PDF, audio, video), drafts until published, their tags and comments with moderation, reporting and sharing with a mentee. Uses: attachment (files), profile (the tag vocabulary), platform; reads identity's identity_people and mentorship's mentorship_pairs views.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"attachment", "audit", "profile", "platform", "platform :: privacy"})
package org.mentorhub.resource;
