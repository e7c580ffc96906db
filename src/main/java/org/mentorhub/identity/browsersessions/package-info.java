/**
 * A person's own browser (HTTP) sessions: listing them and signing them out, as a page and an API; not the mentoring {@code session} module.
 */
package org.mentorhub.identity.browsersessions;
