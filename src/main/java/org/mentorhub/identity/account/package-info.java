/**
 * The signed-in person's own account: the account page and API (password, e-mail, security question)
 * and who am I ({@code /api/v1/me}).
 */
package org.mentorhub.identity.account;
