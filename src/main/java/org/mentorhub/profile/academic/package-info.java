/**
 * The CSV import of students' academic data (GPA, attendance, risk level): upload, a preview of every row, the background commit through {@link org.mentorhub.profile.AcademicRecords}, its page and API, on the platform's import kit.
 */
package org.mentorhub.profile.academic;
