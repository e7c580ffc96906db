/**
 * The resource library: published materials, their tags and comments. Uses: identity, attachment, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "attachment", "platform"})
package org.mentorhub.resource;
