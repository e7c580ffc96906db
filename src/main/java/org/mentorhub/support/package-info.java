/**
 * Support tickets reported by users and their message threads. Uses: identity, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "audit", "platform"})
package org.mentorhub.support;
