package org.mentorhub.report.program;

import java.util.Locale;

import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.organization.InstitutionKind;
import org.mentorhub.platform.InvalidInputException;

/**
 * The kinds of mentoring program the dashboard can be narrowed to, from the data that exists: an
 * institution is a university (student mentoring) or a company (professional development), and a mentee
 * who holds the NEW_MOTHER role is in new-mother support whatever the institution. So, by the mentee (or
 * student) a figure is about: student mentoring is a university's mentees who are not new mothers,
 * professional development a company's, and new-mother support the new mothers. A kind the institution does
 * not run (student mentoring at a company) has no rows.
 */
enum ProgramKind {

	STUDENT("student"), PROFESSIONAL("professional"), NEW_MOTHER("new-mother");

	/** The value of the {@code kind} parameter. */
	final String code;

	ProgramKind(String code) {
		this.code = code;
	}

	/** The kind asked for: null when blank (every kind); a 400 with the field's message for anything unknown. */
	static ProgramKind parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (ProgramKind kind : values()) {
			if (kind.code.equals(wanted)) {
				return kind;
			}
		}
		throw new InvalidInputException("kind", "Choose a kind of program: student, professional or new-mother.");
	}

	/** The mentees of this kind in an institution of that kind; every mentee for no kind. */
	static MenteeGroup mentees(ProgramKind kind, InstitutionKind institution) {
		if (kind == null) {
			return MenteeGroup.ALL;
		}
		return switch (kind) {
			case NEW_MOTHER -> MenteeGroup.NEW_MOTHERS;
			case STUDENT -> institution == InstitutionKind.UNIVERSITY ? MenteeGroup.OTHERS : MenteeGroup.NONE;
			case PROFESSIONAL -> institution == InstitutionKind.COMPANY ? MenteeGroup.OTHERS : MenteeGroup.NONE;
		};
	}

}
