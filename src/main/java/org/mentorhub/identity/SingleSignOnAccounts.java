package org.mentorhub.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts behind single sign-on: finds the account of an address that an institution's identity
 * provider vouched for, creates one for an unknown person when the institution allows it, and refuses
 * an account of another institution or a disabled one. The caller has already checked the token and
 * the address's domain.
 */
@Service
public class SingleSignOnAccounts {

	/** Why a verified address does not get a session. */
	public enum Refusal {

		/** No account has this address and the institution does not create one. */
		UNKNOWN_ACCOUNT,
		/** The account belongs to another institution. */
		OTHER_INSTITUTION,
		/** An administrator switched the account off. */
		DISABLED

	}

	/**
	 * The outcome: the signed-in user, or why not (with the account's id when there is one); whether
	 * the account was created or activated by this sign-in (for the caller's audit, written after the
	 * commit: the audit row refers to the account).
	 */
	public record Outcome(SignedInUser user, Refusal refusal, Long accountId, boolean created, boolean activated) {

		/** Whether the person may sign in. */
		public boolean signedIn() {
			return this.user != null;
		}

	}

	private final UserRepository users;

	private final RoleRepository roles;

	private final Invitations invitations;

	private final Organizations organizations;

	private final Clock clock;

	SingleSignOnAccounts(UserRepository users, RoleRepository roles, Invitations invitations,
			Organizations organizations, Clock clock) {
		this.users = users;
		this.roles = roles;
		this.invitations = invitations;
		this.organizations = organizations;
		this.clock = clock;
	}

	/**
	 * Signs in the account of this verified address in this institution. An invited account becomes
	 * active (the provider proved the address, as an invitation link would). An unknown address gets
	 * a new mentee account (created INVITED and activated by this first sign-in) when
	 * {@code createUnknown}, else is refused.
	 */
	@Transactional
	public Outcome signIn(long institutionId, String verifiedEmail, String fullName, boolean createUnknown) {
		String email = Invitations.normalizeEmail(verifiedEmail);
		Instant now = this.clock.instant();
		User user = this.users.findByEmail(email).orElse(null);
		boolean created = false;
		if (user == null) {
			if (!createUnknown) {
				return new Outcome(null, Refusal.UNKNOWN_ACCOUNT, null, false, false);
			}
			Role mentee = this.roles.findByName(RoleName.MENTEE).orElseThrow();
			String timeZone = this.organizations.findInstitution(institutionId)
				.map(InstitutionSummary::timeZone)
				.orElse("UTC");
			String name = fullName == null || fullName.isBlank() ? email : fullName.strip();
			name = name.length() > 200 ? name.substring(0, 200) : name;
			user = this.users.save(User.invited(institutionId, null, this.invitations.uniqueUsername(email), email, name,
					mentee, Set.of(mentee), timeZone, now));
			created = true;
		}
		if (user.getInstitutionId() == null || user.getInstitutionId() != institutionId) {
			return new Outcome(null, Refusal.OTHER_INSTITUTION, null, false, false);
		}
		if (user.getStatus() == UserStatus.DISABLED) {
			return new Outcome(null, Refusal.DISABLED, user.getId(), false, false);
		}
		boolean activated = false;
		if (user.getStatus() == UserStatus.INVITED) {
			user.activateBySingleSignOn(now);
			activated = true;
		}
		SignedInUser signedIn = AccountUserDetailsService.toSignedInUser(user);
		signedIn.eraseCredentials();
		return new Outcome(signedIn, null, user.getId(), created, activated);
	}

}
