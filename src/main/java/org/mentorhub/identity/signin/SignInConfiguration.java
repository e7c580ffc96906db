package org.mentorhub.identity.signin;

import org.mentorhub.identity.AccountUserDetailsService;
import org.mentorhub.identity.LoginThrottle;
import org.mentorhub.identity.sso.SingleSignOnPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wires password sign-in: the one {@link AuthenticationProvider} bean, which Spring Security uses
 * for form login, is the throttled and audited {@link SignInAuthenticationProvider} around Spring's
 * own provider (argon2id verification and hash upgrade). It also makes Spring Security publish
 * authorization denials as events, for {@link AccessDenialAuditing}.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	AuthenticationProvider signInAuthenticationProvider(AccountUserDetailsService accounts, PasswordEncoder encoder,
			LoginThrottle throttle, SignInAuditing auditing, SingleSignOnPolicy singleSignOn) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		passwords.setUserDetailsPasswordService(accounts);
		// Spring 7 already checks the password of a disabled account (same timing as an active one).
		passwords.setAlwaysPerformAdditionalChecksOnUser(true);
		return new SignInAuthenticationProvider(passwords, throttle, auditing, encoder, singleSignOn::refusePassword);
	}

	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

}
