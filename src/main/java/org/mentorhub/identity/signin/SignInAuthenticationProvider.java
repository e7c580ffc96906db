package org.mentorhub.identity.signin;

import java.util.Optional;
import java.util.function.Function;

import org.mentorhub.identity.LoginThrottle;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.TokenHashing;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with brute-force protection (QUALITY S3, S4): asks {@link LoginThrottle} before
 * checking the password, counts failures and clears the count on success, and audits each outcome.
 * <p>
 * Every failure, whatever its cause (wrong password, unknown account, disabled or invited account,
 * locked account or address), ends in the same {@link BadCredentialsException} with the same
 * message, so the sign-in page answers alike. Each costs one password-hash verification, so that
 * timing does not tell them apart either: Spring's provider verifies against a dummy hash for an
 * unknown account and still checks the password of a disabled one, and a locked attempt verifies
 * against a dummy hash here.
 */
class SignInAuthenticationProvider implements AuthenticationProvider {

	/** The one message of every failed sign-in. */
	static final String GENERIC_FAILURE = "Bad credentials";

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final SignInAuditing auditing;

	private final PasswordEncoder encoder;

	/** The provider's name when a right password may not sign in (SSO-only institution), else empty. */
	private final Function<SignedInUser, Optional<String>> passwordRefusal;

	private volatile String dummyHash;

	SignInAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SignInAuditing auditing,
			PasswordEncoder encoder, Function<SignedInUser, Optional<String>> passwordRefusal) {
		this.passwordRefusal = passwordRefusal;
		this.passwords = passwords;
		this.throttle = throttle;
		this.auditing = auditing;
		this.encoder = encoder;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String login = authentication.getName();
		String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		Optional<SignInAuditing.Account> account = this.auditing.findAccount(login);
		// An account is counted under its e-mail whether the person typed that or the username.
		String accountKey = account.map(SignInAuditing.Account::email).orElse(login);

		LoginThrottle.Verdict verdict = this.throttle.check(LoginThrottle.Action.LOGIN, accountKey, ip);
		if (!verdict.allowed()) {
			spendOneHashVerification(authentication.getCredentials());
			this.auditing.refused(account, verdict);
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			this.auditing.failed(account, this.throttle.recordFailure(LoginThrottle.Action.LOGIN, accountKey, ip));
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		this.throttle.recordSuccess(LoginThrottle.Action.LOGIN, accountKey, ip);
		if (result != null && result.getPrincipal() instanceof SignedInUser user) {
			// Checked after the password, so the different answer tells nothing to a guesser.
			Optional<String> provider = this.passwordRefusal.apply(user);
			if (provider.isPresent()) {
				throw new SingleSignOnRequiredException(provider.get());
			}
			this.auditing.succeeded(user);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void spendOneHashVerification(Object credentials) {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.encoder.encode(TokenHashing.newToken());
			this.dummyHash = hash;
		}
		this.encoder.matches(credentials == null ? "" : credentials.toString(), hash);
	}

}
