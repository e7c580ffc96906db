/**
 * Sign-in with an organisation's OpenID Connect provider: each institution's settings, the client
 * registrations built from them, matching the provider's verified address to an account, auditing,
 * and the administrator's page and API.
 */
package org.mentorhub.identity.sso;
