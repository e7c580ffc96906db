/**
 * The resource library: published materials, their tags and comments. Uses: identity, attachment, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "attachment", "audit", "platform"})
package org.mentorhub.resource;
