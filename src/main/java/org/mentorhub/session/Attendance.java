package org.mentorhub.session;

/** The attendance a session's record notes (seed 003). */
public enum Attendance {

	PRESENT, LATE, ABSENT, EXCUSED

}
