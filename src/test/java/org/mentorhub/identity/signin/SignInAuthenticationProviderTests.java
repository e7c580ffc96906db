package org.mentorhub.identity.signin;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mentorhub.identity.LoginThrottle;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.SignedInUsers;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * QUALITY S4 at the unit level: every way a sign-in can fail ends in the same exception with the
 * same message, after exactly one password-hash verification, so neither the answer nor the work
 * done tells an unknown, disabled or locked account from a wrong password.
 */
class SignInAuthenticationProviderTests {

	static final String PASSWORD = "violet kettle under the bridge";

	/** Counts verifications; hashes are "hash:" + password. */
	static final class CountingEncoder implements PasswordEncoder {

		final AtomicInteger verifications = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.verifications.incrementAndGet();
			return encoded.equals("hash:" + raw);
		}

	}

	final CountingEncoder encoder = new CountingEncoder();

	final LoginThrottle throttle = mock(LoginThrottle.class);

	final SignInAuditing auditing = mock(SignInAuditing.class);

	final SignInAuthenticationProvider provider;

	SignInAuthenticationProviderTests() {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(login -> switch (login) {
			case "active@example.org" -> user(1, "active@example.org", true);
			case "disabled@example.org" -> user(2, "disabled@example.org", false);
			default -> throw new UsernameNotFoundException("No such account");
		});
		passwords.setPasswordEncoder(this.encoder);
		this.provider = new SignInAuthenticationProvider(passwords, this.throttle, this.auditing, this.encoder,
				user -> java.util.Optional.empty());
		when(this.throttle.check(any(), any(), any())).thenReturn(new LoginThrottle.Verdict(true, null));
		when(this.throttle.recordFailure(any(), any(), any()))
			.thenReturn(new LoginThrottle.Failure(1, null, false, null, false));
		when(this.auditing.findAccount(anyString())).thenReturn(Optional.empty());
	}

	SignedInUser user(long id, String email, boolean active) {
		return SignedInUsers.mentee(id, email, active, this.encoder.encode(PASSWORD));
	}

	Throwable failure(String login, String password) {
		this.encoder.verifications.set(0);
		return catchThrowable(() -> this.provider.authenticate(new UsernamePasswordAuthenticationToken(login, password)));
	}

	static void assertGeneric(Throwable failure) {
		assertThat(failure).isExactlyInstanceOf(BadCredentialsException.class)
			.hasMessage(SignInAuthenticationProvider.GENERIC_FAILURE)
			.hasNoCause();
	}

	@Test
	void aWrongPasswordCostsOneVerification() {
		assertGeneric(failure("active@example.org", "wrong"));
		assertThat(this.encoder.verifications).hasValue(1);
	}

	@Test
	void anUnknownAccountCostsOneVerificationAndAnswersAlike() {
		assertGeneric(failure("nobody@example.org", "wrong"));
		assertThat(this.encoder.verifications).hasValue(1);
	}

	@Test
	void aDisabledAccountWithTheRightPasswordCostsOneVerificationAndAnswersAlike() {
		assertGeneric(failure("disabled@example.org", PASSWORD));
		assertThat(this.encoder.verifications).hasValue(1);
	}

	@Test
	void aLockedAccountWithTheRightPasswordCostsOneVerificationAndAnswersAlike() {
		when(this.auditing.findAccount("active@example.org"))
			.thenReturn(Optional.of(new SignInAuditing.Account(1, "active@example.org", 7L)));
		when(this.throttle.check(eq(LoginThrottle.Action.LOGIN), eq("active@example.org"), any()))
			.thenReturn(new LoginThrottle.Verdict(false, Instant.now().plusSeconds(60)));

		assertGeneric(failure("active@example.org", PASSWORD));
		assertThat(this.encoder.verifications).hasValue(1);
		verify(this.auditing).refused(any(), any());
	}

	@Test
	void theRightPasswordSignsInClearsTheCountAndIsAudited() {
		when(this.auditing.findAccount("active@example.org"))
			.thenReturn(Optional.of(new SignInAuditing.Account(1, "active@example.org", 7L)));

		Authentication result = this.provider.authenticate(
				new UsernamePasswordAuthenticationToken("active@example.org", PASSWORD));

		assertThat(result.isAuthenticated()).isTrue();
		verify(this.throttle).recordSuccess(LoginThrottle.Action.LOGIN, "active@example.org", null);
		verify(this.auditing).succeeded(any(SignedInUser.class));
	}

	@Test
	void failuresAreCountedUnderTheAccountsEmailEvenWhenTheUsernameWasTyped() {
		when(this.auditing.findAccount("user1"))
			.thenReturn(Optional.of(new SignInAuditing.Account(1, "active@example.org", 7L)));

		failure("user1", "wrong");

		verify(this.throttle).recordFailure(LoginThrottle.Action.LOGIN, "active@example.org", null);
	}

}
