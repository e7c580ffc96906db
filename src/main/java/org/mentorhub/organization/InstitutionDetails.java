package org.mentorhub.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything about an institution, settings included, as the platform administrator edits it and
 * as other modules read it (self-registration domains, security-question switch, approval rules).
 *
 * @param selfRegistrationDomains the lower-case e-mail domains whose addresses may register themselves
 * (self-registration always names at least one)
 * @param version the optimistic-locking version, to send back with an edit
 */
public record InstitutionDetails(long id, String name, String code, InstitutionKind kind, String address,
		String contactEmail, String timeZone, boolean selfRegistrationEnabled, List<String> selfRegistrationDomains,
		boolean securityQuestionEnabled, boolean mentorshipApprovalRequired, int requestResponseDays,
		BigDecimal gpaScale, boolean active, Instant createdAt, Instant updatedAt, long version) {
}
