/**
 * The mentor directory: search by name, skill, interest, department, capacity and availability overlap, as a page and an API.
 */
package org.mentorhub.profile.directory;
