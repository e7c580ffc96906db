/**
 * Account administration by an institution's administrators: finding, editing, suspending and inviting
 * accounts, as pages and an API.
 */
package org.mentorhub.identity.administration;
