/**
 * Accounts, roles and permissions, sign-in and password hashing. Uses: organization, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "platform"})
package org.mentorhub.identity;
