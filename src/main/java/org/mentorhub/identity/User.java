package org.mentorhub.identity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An account. Other modules refer to it by id only. */
@Entity
@Table(name = "users")
class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private Long departmentId;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "primary_role_id")
	private Role primaryRole;

	@ManyToMany(fetch = FetchType.EAGER)
	@JoinTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"),
			inverseJoinColumns = @JoinColumn(name = "role_id"))
	private Set<Role> roles = new LinkedHashSet<>();

	private String username;

	private String email;

	private String fullName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private UserStatus status;

	private String securityQuestion;

	private String securityAnswerHash;

	private String timeZone;

	private Instant lastLoginAt;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected User() {
	}

	/** A new account that waits for its owner to set a password through an invitation link. */
	static User invited(long institutionId, Long departmentId, String username, String email, String fullName,
			Role primaryRole, Set<Role> roles, String timeZone, Instant now) {
		User user = new User();
		user.institutionId = institutionId;
		user.departmentId = departmentId;
		// Stored lower-case, whatever the caller passed: logins are looked up with "=" on the unique indexes.
		user.username = Invitations.normalizeEmail(username);
		user.email = Invitations.normalizeEmail(email);
		user.fullName = fullName;
		user.primaryRole = primaryRole;
		user.roles = new LinkedHashSet<>(roles);
		user.roles.add(primaryRole);
		user.status = UserStatus.INVITED;
		user.timeZone = timeZone;
		user.createdAt = now;
		user.updatedAt = now;
		return user;
	}

	/**
	 * A person registered themselves with a password of their choice; the account stays INVITED
	 * until they confirm the address through the e-mailed link.
	 */
	static User registered(long institutionId, String username, String email, String fullName, Role role,
			String passwordHash, String timeZone, Instant now) {
		User user = invited(institutionId, null, username, email, fullName, role, Set.of(role), timeZone, now);
		user.passwordHash = passwordHash;
		return user;
	}

	/**
	 * The person registers again before confirming: the newest name and password replace the
	 * pending ones (the earlier links are withdrawn by the caller).
	 */
	void renewRegistration(long institutionId, String fullName, String passwordHash, String timeZone, Instant now) {
		requireStatus(UserStatus.INVITED, "Only an account that waits for confirmation can be registered again.");
		this.institutionId = institutionId;
		this.departmentId = null;
		this.fullName = fullName;
		this.passwordHash = passwordHash;
		this.timeZone = timeZone;
		this.updatedAt = now;
	}

	/** The self-registered person confirmed their address: the account becomes active. */
	void confirmRegistration(Instant now) {
		requireStatus(UserStatus.INVITED, "This account has already been activated.");
		if (this.passwordHash == null) {
			throw new org.mentorhub.platform.StateTransitionException("This account has no password yet.");
		}
		this.status = UserStatus.ACTIVE;
		this.updatedAt = now;
	}

	/** A password reset through an e-mailed link; only an active account may reset. */
	void resetPassword(String newHash, Instant now) {
		requireStatus(UserStatus.ACTIVE, "Only an active account can reset its password.");
		changePasswordHash(newHash, now);
	}

	/** The address changes once the new one has been confirmed. */
	void changeEmail(String newEmail, Instant now) {
		requireStatus(UserStatus.ACTIVE, "Only an active account can change its e-mail address.");
		this.email = Invitations.normalizeEmail(newEmail);
		this.updatedAt = now;
	}

	/** Sets the security question and the hash of its answer, which a reset may ask in addition. */
	void chooseSecurityQuestion(String question, String answerHash, Instant now) {
		requireStatus(UserStatus.ACTIVE, "Only an active account can set a security question.");
		this.securityQuestion = question;
		this.securityAnswerHash = answerHash;
		this.updatedAt = now;
	}

	/** Whether the user has a security question with an answer. */
	boolean hasSecurityQuestion() {
		return this.securityQuestion != null && this.securityAnswerHash != null;
	}

	private void requireStatus(UserStatus required, String message) {
		if (this.status != required) {
			throw new org.mentorhub.platform.StateTransitionException(message);
		}
	}

	/** The invited person chose a password: the account becomes active. */
	void activate(String newPasswordHash, Instant now) {
		if (this.status != UserStatus.INVITED) {
			throw new org.mentorhub.platform.StateTransitionException("Only an invited account can be activated.");
		}
		this.passwordHash = newPasswordHash;
		this.status = UserStatus.ACTIVE;
		this.updatedAt = now;
	}

	/**
	 * The person proved their address through their organisation's identity provider (single sign-on):
	 * an invited account becomes active without a password, as accepting the invitation link would.
	 */
	void activateBySingleSignOn(Instant now) {
		requireStatus(UserStatus.INVITED, "Only an invited account can be activated.");
		this.status = UserStatus.ACTIVE;
		this.updatedAt = now;
	}

	/** Replaces the password hash, e.g. when an older hash is upgraded at sign-in. */
	void changePasswordHash(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.updatedAt = now;
	}

	/**
	 * An administrator switches the account off; it can no longer sign in. Refused when it is already
	 * disabled.
	 */
	void disable(Instant now) {
		if (this.status == UserStatus.DISABLED) {
			throw new org.mentorhub.platform.StateTransitionException("This account is already disabled.");
		}
		this.status = UserStatus.DISABLED;
		this.updatedAt = now;
	}

	/**
	 * An administrator switches a disabled account back on: it becomes active again, or invited when
	 * its owner never set a password. Refused unless the account is disabled.
	 */
	void enable(Instant now) {
		if (this.status != UserStatus.DISABLED) {
			throw new org.mentorhub.platform.StateTransitionException("Only a disabled account can be enabled.");
		}
		this.status = this.passwordHash == null ? UserStatus.INVITED : UserStatus.ACTIVE;
		this.updatedAt = now;
	}

	/** Replaces the roles; the primary role (which decides the home page) is always one of them. */
	void changeRoles(Role newPrimaryRole, Set<Role> newRoles, Instant now) {
		this.primaryRole = newPrimaryRole;
		this.roles.clear();
		this.roles.addAll(newRoles);
		this.roles.add(newPrimaryRole);
		this.updatedAt = now;
	}

	/** Moves the user into a department of their institution (checked by the caller), or out of any. */
	void moveToDepartment(Long newDepartmentId, Instant now) {
		this.departmentId = newDepartmentId;
		this.updatedAt = now;
	}

	void recordSignIn(Instant now) {
		this.lastLoginAt = now;
	}

	Long getId() {
		return this.id;
	}

	Long getInstitutionId() {
		return this.institutionId;
	}

	Long getDepartmentId() {
		return this.departmentId;
	}

	Role getPrimaryRole() {
		return this.primaryRole;
	}

	Set<Role> getRoles() {
		return this.roles;
	}

	String getUsername() {
		return this.username;
	}

	String getEmail() {
		return this.email;
	}

	String getFullName() {
		return this.fullName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	UserStatus getStatus() {
		return this.status;
	}

	String getSecurityQuestion() {
		return this.securityQuestion;
	}

	String getSecurityAnswerHash() {
		return this.securityAnswerHash;
	}

	String getTimeZone() {
		return this.timeZone;
	}

	Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

}
