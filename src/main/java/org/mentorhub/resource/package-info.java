/**
 * The resource library: published materials, their tags and comments. Uses: nothing yet (no code); add a module here when its code first needs it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.mentorhub.resource;
