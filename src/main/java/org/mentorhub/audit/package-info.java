/**
 * The append-only audit log of security-relevant and administrative actions. Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: privacy"})
package org.mentorhub.audit;
