package org.mentorhub.identity.sso;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.identity.SignedInUser;
import org.mentorhub.platform.SingleSignOnLogin;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Configures {@code oauth2Login} for the institutions' providers. After the provider's sign-in the
 * session holds the same principal as a password sign-in (a {@link SignedInUser} in a
 * username-password authentication), so every page, check and audit works alike; a refusal goes
 * back to the sign-in page with a reason code ({@code /login?sso-error=...}), never a stack trace.
 * The provider's tokens are not kept: MentorHub needs only who signed in.
 */
class SsoLogin implements SingleSignOnLogin {

	private final InstitutionClientRegistrations registrations;

	private final SsoUserService users;

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens;

	private final SsoAuditing auditing;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	SsoLogin(InstitutionClientRegistrations registrations, SsoUserService users,
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens, SsoAuditing auditing) {
		this.registrations = registrations;
		this.users = users;
		this.tokens = tokens;
		this.auditing = auditing;
	}

	@Override
	public void configure(OAuth2LoginConfigurer<HttpSecurity> login) {
		login.loginPage("/login")
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(NOTHING_KEPT)
			.tokenEndpoint(token -> token.accessTokenResponseClient(this.tokens))
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(this.users))
			.successHandler(this::succeeded)
			.failureHandler(this::failed);
	}

	void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		if (!(authentication.getPrincipal() instanceof SsoUserService.Matched matched)) {
			// Only our user service makes principals here; anything else is not signed in.
			SecurityContextHolder.clearContext();
			this.redirects.sendRedirect(request, response, "/login?sso-error=FAILED");
			return;
		}
		SignedInUser user = matched.user();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.auditing.succeeded(user, matched.providerName(), matched.outcome().created(),
				matched.outcome().activated());
		this.redirects.sendRedirect(request, response, "/");
	}

	void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		String reason;
		Long institutionId;
		Long accountId = null;
		if (exception instanceof SsoRefusal refusal) {
			reason = refusal.reason().name();
			institutionId = refusal.institutionId();
			accountId = refusal.accountId();
		}
		else {
			// A token that failed its checks (signature, audience, issuer, nonce) or a provider's error
			// answer: only the OAuth error code is recorded, never the token or its claims.
			reason = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
					: "authentication_failed";
			long institution = SsoSettings.institutionOf(lastSegment(request.getRequestURI()));
			institutionId = institution < 0 ? null : institution;
		}
		this.auditing.refused(institutionId, accountId, reason);
		String code = exception instanceof SsoRefusal refusal ? refusal.reason().name() : "FAILED";
		this.redirects.sendRedirect(request, response, "/login?sso-error=" + code);
	}

	private static String lastSegment(String uri) {
		return uri == null ? null : uri.substring(uri.lastIndexOf('/') + 1);
	}

	/** The provider's access token is not needed after sign-in, so it is not stored anywhere. */
	private static final OAuth2AuthorizedClientRepository NOTHING_KEPT = new OAuth2AuthorizedClientRepository() {

		@Override
		@SuppressWarnings("unchecked")
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	};

}
