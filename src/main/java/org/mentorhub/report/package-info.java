/**
 * The home dashboard of each role, dashboards, charts and CSV/XLSX exports for coordinators and administrators. Uses: the public APIs of the business modules and platform.
 */
package org.mentorhub.report;
