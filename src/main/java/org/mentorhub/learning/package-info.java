/**
 * Learning paths, their modules and each user's progress. Uses: nothing yet (no code); add a module here when its code first needs it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.mentorhub.learning;
