package org.mentorhub.identity;

import java.util.Optional;

import org.mentorhub.platform.jobs.JobRunAs;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a background job resumed after a restart acts as: the account that submitted it, with its
 * roles and permissions as they are now, and only while it may still sign in.
 */
@Component
class JobAccounts implements JobRunAs {

	private final UserRepository users;

	JobAccounts(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Authentication> authenticationOf(long userId) {
		return this.users.findById(userId)
			.filter(user -> user.getStatus() == UserStatus.ACTIVE)
			.map(AccountUserDetailsService::toSignedInUser)
			.map(principal -> UsernamePasswordAuthenticationToken.authenticated(principal, null,
					principal.getAuthorities()));
	}

}
