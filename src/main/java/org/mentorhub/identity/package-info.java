/**
 * Accounts, roles and permissions, sign-in and password hashing. Uses: organization, audit, platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "audit", "platform", "platform :: jobs", "platform :: imports", "platform :: privacy"})
package org.mentorhub.identity;
