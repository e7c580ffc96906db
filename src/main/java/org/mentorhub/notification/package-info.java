/**
 * In-app and e-mail notifications, raised by other modules' events. Uses: identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.mentorhub.notification;
