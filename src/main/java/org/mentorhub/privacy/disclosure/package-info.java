/**
 * The FERPA record of disclosures (issue 22 part 4): who else read a student's education record, when, and
 * what, read from the audit log (there is no second log).
 */
package org.mentorhub.privacy.disclosure;
