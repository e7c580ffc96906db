package org.mentorhub.organization;

import java.math.BigDecimal;
import java.util.List;

/**
 * The institution form as the browser posts it. Numbers arrive as text so that a typo is shown
 * back beside its field instead of failing the whole request.
 */
record InstitutionForm(String name, String code, String kind, String address, String contactEmail, String timeZone,
		Boolean selfRegistrationEnabled, String selfRegistrationDomains, Boolean securityQuestionEnabled,
		Boolean mentorshipApprovalRequired, String requestResponseDays, String gpaScale, Long version) {

	/** An empty form for a new institution, with the defaults of a university. */
	static InstitutionForm blank() {
		return new InstitutionForm("", "", InstitutionKind.UNIVERSITY.name(), "", "", "UTC", false, "", false, true, "3",
				"4.00", null);
	}

	static InstitutionForm of(InstitutionDetails details) {
		return new InstitutionForm(details.name(), details.code(), details.kind().name(), details.address(),
				details.contactEmail(), details.timeZone(), details.selfRegistrationEnabled(),
				String.join(", ", details.selfRegistrationDomains()), details.securityQuestionEnabled(),
				details.mentorshipApprovalRequired(), String.valueOf(details.requestResponseDays()),
				details.gpaScale().toPlainString(), details.version());
	}

	/** The draft; text that is no number becomes an out-of-range value, which the rules report. */
	InstitutionDraft toDraft() {
		return new InstitutionDraft(this.name, this.code, kindOrNull(this.kind), this.address, this.contactEmail,
				this.timeZone, this.selfRegistrationEnabled, this.selfRegistrationDomains, this.securityQuestionEnabled,
				this.mentorshipApprovalRequired, days(this.requestResponseDays), scale(this.gpaScale), this.version);
	}

	static InstitutionKind kindOrNull(String kind) {
		return kind != null && List.of("UNIVERSITY", "COMPANY").contains(kind) ? InstitutionKind.valueOf(kind) : null;
	}

	private static Integer days(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return Integer.MIN_VALUE;
		}
	}

	private static BigDecimal scale(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ZERO;
		}
	}

}
