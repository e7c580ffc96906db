/**
 * The download of a person's own data (GDPR Arts. 15 and 20): a ZIP built in the background from every
 * module's privacy provider and the person's files, written to a temporary file and kept in the file store
 * (never in memory nor in the database), 24 hours behind a single-use link, streamed to its owner once.
 */
package org.mentorhub.privacy.export;
