/**
 * The shared kernel: security filter chain, layout, error handling, clock and database vendor set-up. Every module may use it; it uses none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.mentorhub.platform;
