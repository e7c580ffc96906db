/**
 * The onboarding wizard's page and API, and coordinators' follow-up of people who have not finished it, over {@link org.mentorhub.profile.Onboarding}.
 */
package org.mentorhub.profile.onboarding;
