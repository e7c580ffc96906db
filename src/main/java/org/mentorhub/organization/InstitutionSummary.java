package org.mentorhub.organization;

/** The public facts of an institution that other modules may show. */
public record InstitutionSummary(long id, String name, String code, InstitutionKind kind, String address,
		String contactEmail, String timeZone) {
}
