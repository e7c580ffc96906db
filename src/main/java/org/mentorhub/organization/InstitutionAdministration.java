package org.mentorhub.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and configuring institutions: the platform administrator's work (permission
 * {@code INSTITUTION_MANAGE}). Every change is audited with the state before and after.
 */
@Service
@PreAuthorize("hasAuthority('INSTITUTION_MANAGE')")
class InstitutionAdministration {

	static final String CODE_TAKEN = "Another institution already uses this code. Choose a different one.";

	private final InstitutionRepository institutions;

	private final AuditTrail audit;

	private final Clock clock;

	InstitutionAdministration(InstitutionRepository institutions, AuditTrail audit, Clock clock) {
		this.institutions = institutions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<InstitutionDetails> list() {
		return this.institutions.findAllByOrderByNameAsc().stream().map(Institution::toDetails).toList();
	}

	@Transactional(readOnly = true)
	public InstitutionDetails get(long id) {
		return find(id).toDetails();
	}

	@Transactional
	public InstitutionDetails create(InstitutionDraft draft) {
		InstitutionRules.Checked checked = InstitutionRules.check(draft);
		if (this.institutions.existsByCode(checked.code())) {
			throw new InvalidInputException("code", CODE_TAKEN);
		}
		Instant now = this.clock.instant();
		Institution institution = Institution.found(checked.name(), checked.code(), checked.kind(), now);
		apply(institution, checked, now);
		institution = saveChecked(institution);
		this.audit.record(AuditRecord.change("INSTITUTION_CREATED", "institutions", institution.getId(), null,
				institution.auditState()));
		return institution.toDetails();
	}

	@Transactional
	public InstitutionDetails update(long id, InstitutionDraft draft) {
		Institution institution = find(id);
		if (draft.version() != null && draft.version() != institution.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Institution.class, id);
		}
		InstitutionRules.Checked checked = InstitutionRules.check(draft);
		if (this.institutions.existsByCodeAndIdNot(checked.code(), id)) {
			throw new InvalidInputException("code", CODE_TAKEN);
		}
		Map<String, Object> before = institution.auditState();
		Instant now = this.clock.instant();
		institution.rename(checked.name(), now);
		institution.changeCode(checked.code(), now);
		apply(institution, checked, now);
		saveChecked(institution);
		Map<String, Object> after = institution.auditState();
		if (!after.equals(before)) {
			this.audit.record(AuditRecord.change("INSTITUTION_UPDATED", "institutions", id, before, after));
		}
		return institution.toDetails();
	}

	private static void apply(Institution institution, InstitutionRules.Checked checked, Instant now) {
		institution.describe(checked.kind(), checked.address(), checked.contactEmail(), checked.timeZone(), now);
		institution.configureSelfRegistration(checked.selfRegistrationEnabled(), checked.domains(), now);
		institution.configureSecurityQuestion(checked.securityQuestionEnabled(), now);
		institution.configureMentorships(checked.mentorshipApprovalRequired(), checked.requestResponseDays(), now);
		institution.changeGpaScale(checked.gpaScale(), now);
	}

	/** Saves and flushes, so that a code taken by a concurrent request shows as a clear field error. */
	private Institution saveChecked(Institution institution) {
		try {
			return this.institutions.saveAndFlush(institution);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidInputException("code", CODE_TAKEN);
		}
	}

	private Institution find(long id) {
		return this.institutions.findById(id).orElseThrow(() -> new NotFoundException("Institution not found"));
	}

}
