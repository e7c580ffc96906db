package org.mentorhub.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A tenant: a university or a company. Its settings change only through the named methods below,
 * which expect values that {@link InstitutionRules} has already checked.
 */
@Entity
@Table(name = "institutions")
class Institution {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String code;

	@Enumerated(EnumType.STRING)
	private InstitutionKind kind;

	private String address;

	private String contactEmail;

	private String timeZone;

	private boolean selfRegistrationEnabled;

	private String selfRegistrationDomains;

	private boolean securityQuestionEnabled;

	private boolean mentorshipApprovalRequired = true;

	private int requestResponseDays = 3;

	private BigDecimal gpaScale = new BigDecimal("4.00");

	private boolean active = true;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Institution() {
	}

	/** A new institution with its name, unique code and kind; the other settings keep their defaults. */
	static Institution found(String name, String code, InstitutionKind kind, Instant now) {
		Institution institution = new Institution();
		institution.name = name;
		institution.code = code;
		institution.kind = kind;
		institution.timeZone = "UTC";
		institution.createdAt = now;
		institution.updatedAt = now;
		return institution;
	}

	void rename(String newName, Instant now) {
		this.name = newName;
		this.updatedAt = now;
	}

	void changeCode(String newCode, Instant now) {
		this.code = newCode;
		this.updatedAt = now;
	}

	/** Kind, address, contact e-mail and time zone: how the institution presents itself. */
	void describe(InstitutionKind newKind, String newAddress, String newContactEmail, String newTimeZone,
			Instant now) {
		this.kind = newKind;
		this.address = newAddress;
		this.contactEmail = newContactEmail;
		this.timeZone = newTimeZone;
		this.updatedAt = now;
	}

	/** Turns self-registration on (for addresses in the given domains only) or off. */
	void configureSelfRegistration(boolean enabled, List<String> domains, Instant now) {
		this.selfRegistrationEnabled = enabled;
		this.selfRegistrationDomains = domains.isEmpty() ? null : String.join(",", domains);
		this.updatedAt = now;
	}

	/** Turns the security question (an extra check after the e-mailed reset token) on or off. */
	void configureSecurityQuestion(boolean enabled, Instant now) {
		this.securityQuestionEnabled = enabled;
		this.updatedAt = now;
	}

	/** Whether an administrator approves new mentorships, and how many days a mentor has to answer. */
	void configureMentorships(boolean approvalRequired, int responseDays, Instant now) {
		this.mentorshipApprovalRequired = approvalRequired;
		this.requestResponseDays = responseDays;
		this.updatedAt = now;
	}

	void changeGpaScale(BigDecimal scale, Instant now) {
		this.gpaScale = scale;
		this.updatedAt = now;
	}

	Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	long getVersion() {
		return this.version;
	}

	List<String> selfRegistrationDomainList() {
		// One reading of the stored list, the same one self-registration uses.
		return InstitutionAccountRules.domains(this.selfRegistrationDomains);
	}

	/** The state as the audit log records it. */
	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", this.name);
		state.put("code", this.code);
		state.put("kind", String.valueOf(this.kind));
		state.put("address", this.address);
		state.put("contactEmail", this.contactEmail);
		state.put("timeZone", this.timeZone);
		state.put("selfRegistrationEnabled", this.selfRegistrationEnabled);
		state.put("selfRegistrationDomains", this.selfRegistrationDomains);
		state.put("securityQuestionEnabled", this.securityQuestionEnabled);
		state.put("mentorshipApprovalRequired", this.mentorshipApprovalRequired);
		state.put("requestResponseDays", this.requestResponseDays);
		state.put("gpaScale", this.gpaScale == null ? null : this.gpaScale.toPlainString());
		return state;
	}

	InstitutionSummary toSummary() {
		return new InstitutionSummary(this.id, this.name, this.code, this.kind, this.address, this.contactEmail,
				this.timeZone);
	}

	InstitutionDetails toDetails() {
		return new InstitutionDetails(this.id, this.name, this.code, this.kind, this.address, this.contactEmail,
				this.timeZone, this.selfRegistrationEnabled, selfRegistrationDomainList(), this.securityQuestionEnabled,
				this.mentorshipApprovalRequired, this.requestResponseDays, this.gpaScale, this.active, this.createdAt,
				this.updatedAt, this.version);
	}

}
