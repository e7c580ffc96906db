/**
 * Getting into an account: the sign-in page and its throttled, audited authentication, audit of denied
 * access, and the pages and API for self-registration, account activation and password reset.
 */
package org.mentorhub.identity.signin;
