/**
 * Connections between the people of an institution (requests with a note, blocking, suggestions) and their direct messages (conversations, read state, reports of abuse, retention). Uses: platform, identity.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "platform :: privacy"})
package org.mentorhub.messaging;
