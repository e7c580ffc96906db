/**
 * The availability page and API: a person's weekly grid and absences, edited through {@link org.mentorhub.profile.Availabilities}.
 */
package org.mentorhub.profile.availability;
