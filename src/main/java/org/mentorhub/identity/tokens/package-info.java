/**
 * Personal access tokens: creating, listing and revoking them (page and API), and authenticating API calls that carry one.
 */
package org.mentorhub.identity.tokens;
