/**
 * Support tickets reported by users and their message threads. Only its demo rows exist so far (a platform.DemoSeed that writes its own tables). Uses: platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.mentorhub.support;
