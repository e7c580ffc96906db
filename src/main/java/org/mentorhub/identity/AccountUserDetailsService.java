package org.mentorhub.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for sign-in by e-mail or username, and stores upgraded password hashes. A
 * disabled or invited account loads as not enabled, so it cannot sign in.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserRepository users;

	private final Clock clock;

	AccountUserDetailsService(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String login) {
		return this.users.findByLogin(login.strip())
			.map(AccountUserDetailsService::toSignedInUser)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	/**
	 * The account with this id as a signed-in user with its current roles and permissions, or empty
	 * when there is none or it is not active (for callers that authenticate by something other than
	 * a password, such as a personal access token).
	 */
	@Transactional(readOnly = true)
	public Optional<SignedInUser> activeUser(long userId) {
		return this.users.findById(userId)
			.filter(user -> user.getStatus() == UserStatus.ACTIVE)
			.map(AccountUserDetailsService::toSignedInUser);
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails details, String newPasswordHash) {
		SignedInUser signedIn = (SignedInUser) details;
		User user = this.users.findById(signedIn.id()).orElseThrow();
		user.changePasswordHash(newPasswordHash, this.clock.instant());
		return toSignedInUser(user);
	}

	static SignedInUser toSignedInUser(User user) {
		Set<RoleName> roles = EnumSet.noneOf(RoleName.class);
		Set<String> permissions = new java.util.TreeSet<>();
		user.getRoles().forEach(role -> {
			roles.add(role.getName());
			role.getPermissions().forEach(permission -> permissions.add(permission.getName()));
		});
		roles.add(user.getPrimaryRole().getName());
		user.getPrimaryRole().getPermissions().forEach(permission -> permissions.add(permission.getName()));
		return new SignedInUser(user.getId(), user.getUsername(), user.getEmail(), user.getFullName(),
				user.getInstitutionId(), user.getDepartmentId(), user.getPrimaryRole().getName(), roles, permissions,
				user.getStatus() == UserStatus.ACTIVE, user.getPasswordHash());
	}

}
