/**
 * Support tickets reported by users and their message threads. Uses: identity, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.mentorhub.support;
