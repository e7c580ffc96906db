/**
 * In-app and e-mail notifications, raised by other modules' events. Uses: nothing yet (no code); add a module here when its code first needs it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.mentorhub.notification;
