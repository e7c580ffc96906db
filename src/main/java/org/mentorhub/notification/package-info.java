/**
 * In-app and e-mail notifications, raised by other modules' events. Uses: identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform"})
package org.mentorhub.notification;
