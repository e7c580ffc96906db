/**
 * Direct messages and connections between users. Uses: identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.mentorhub.messaging;
