/**
 * Leave coverage (issue 19 part 3). A new mother or an administrator asks a colleague to cover her leave; the colleague accepts or rejects; an administrator approves where the institution requires it; a job starts and ends the leave.
 */
package org.mentorhub.wellbeing.coverage;
