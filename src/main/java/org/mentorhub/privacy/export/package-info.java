/**
 * The download of a person's own data (GDPR Arts. 15 and 20): a ZIP built in the background from every
 * module's privacy provider and the person's files, kept 24 hours behind a single-use link.
 */
package org.mentorhub.privacy.export;
