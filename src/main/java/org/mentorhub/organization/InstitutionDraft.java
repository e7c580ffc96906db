package org.mentorhub.organization;

import java.math.BigDecimal;

/**
 * What the platform administrator enters for an institution, as typed: {@link InstitutionRules}
 * checks and normalises it. Null booleans count as {@code false}.
 *
 * @param selfRegistrationDomains e-mail domains separated by commas, spaces or new lines
 * @param version the version the editor loaded (optional): a newer stored version means someone else
 * changed the institution meanwhile, and the edit is refused
 */
record InstitutionDraft(String name, String code, InstitutionKind kind, String address, String contactEmail,
		String timeZone, Boolean selfRegistrationEnabled, String selfRegistrationDomains,
		Boolean securityQuestionEnabled, Boolean mentorshipApprovalRequired, Integer requestResponseDays,
		BigDecimal gpaScale, Long version) {

}
