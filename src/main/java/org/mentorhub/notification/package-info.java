/**
 * In-app and e-mail notifications, raised by other modules' events. Only its demo rows exist so far (a platform.DemoSeed that writes its own tables). Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.notification;
