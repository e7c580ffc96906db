/**
 * Support tickets reported by users and their message threads. Uses: nothing yet (no code); add a module here when its code first needs it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.mentorhub.support;
