/**
 * The CSV import of people: upload, a preview of every row, the background commit that invites the valid rows through {@link org.mentorhub.identity.Invitations}, its page and API, on the platform's import kit.
 */
package org.mentorhub.identity.imports;
