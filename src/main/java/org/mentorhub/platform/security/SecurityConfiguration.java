package org.mentorhub.platform.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.mentorhub.platform.AccessTokenAuthenticator;
import org.mentorhub.platform.SingleSignOnLogin;
import org.mentorhub.platform.web.ProblemResponses;
import org.mentorhub.platform.web.SecurityHeaderValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.SessionIdGenerator;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The one security filter chain: form login for pages, 401 problem JSON for the API, CSRF on every
 * unsafe method and the security headers of QUALITY S7. Which user may touch which record is
 * decided by each module's service, not here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Pages of the account life cycle that work without signing in (links from mail, reset, register). */
	static final String[] PUBLIC_ACCOUNT_PAGES = { "/account/activate", "/account/register",
			"/account/register/confirm", "/account/forgot-password", "/account/reset-password",
			"/account/email/confirm" };

	/** Their API twins. */
	static final String[] PUBLIC_ACCOUNT_API = { "/api/v1/account/activation", "/api/v1/account/registrations",
			"/api/v1/account/registration-confirmations", "/api/v1/account/password-reset-requests",
			"/api/v1/account/password-resets", "/api/v1/account/email-changes" };

	/** The people API: administrators (USER_MANAGE) and coordinators only. */
	static final String[] PEOPLE_API = { "/api/v1/users", "/api/v1/users/**" };

	/** Calendar feeds: the secret token in the path is the proof (calendar apps cannot sign in). */
	static final String[] PUBLIC_FEEDS = { "/calendar/feed/*" };

	/** A request to one of the paths by a caller who is not signed in. */
	static RequestMatcher anonymousCallTo(String... paths) {
		List<RequestMatcher> matchers = Arrays.stream(paths).map(path -> (RequestMatcher) pathPattern(path)).toList();
		return request -> {
			if (matchers.stream().noneMatch(matcher -> matcher.matches(request))) {
				return false;
			}
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication == null || authentication instanceof AnonymousAuthenticationToken
					|| !authentication.isAuthenticated();
		};
	}

	/**
	 * Prometheus metrics are for the monitoring network: served to anyone on the management port when it
	 * is a port of its own (firewalled by the operator), and to nobody when actuator shares the public port.
	 */
	static RequestMatcher prometheusOnTheManagementPort(Environment environment) {
		return ManagementPortType.get(environment) == ManagementPortType.DIFFERENT ? EndpointRequest.to("prometheus")
				: request -> false;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<AccessDeniedHandler> accessDeniedHandler,
			ObjectProvider<AccessTokenAuthenticator> tokens, ObjectProvider<SingleSignOnLogin> singleSignOn,
			Environment environment) throws Exception {
		RequestMatcher api = pathPattern("/api/**");
		// Personal access tokens (Authorization: Bearer) on /api/** only: stateless, and no CSRF token
		// needed for those requests; cookie-authenticated unsafe calls still need one.
		http.addFilterBefore(new BearerTokenFilter(api, tokens, new ProblemJsonEntryPoint()), CsrfFilter.class)
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::isBearerAuthenticated));
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
					"/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/livez", "/readyz")
			.permitAll()
			.requestMatchers(prometheusOnTheManagementPort(environment))
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.denyAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers(PUBLIC_ACCOUNT_PAGES)
			.permitAll()
			.requestMatchers(PUBLIC_ACCOUNT_API)
			.permitAll()
			.requestMatchers(PUBLIC_FEEDS)
			.permitAll()
			// The same rule as identity's UserAdministration, checked here too so that a caller who may not
			// list people is refused before anything of the request (sort, filters) is parsed.
			.requestMatchers(PEOPLE_API)
			.hasAnyAuthority("USER_MANAGE", "ROLE_COORDINATOR")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
			// API and actuator callers get 401 problem JSON; everyone else goes to the sign-in page.
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
					loginPage(),
					new RequestMatcherEntry<>(api, new ProblemJsonEntryPoint()),
					new RequestMatcherEntry<>(pathPattern("/actuator/**"), new ProblemJsonEntryPoint())))
				// identity's handler audits each 403 (CSRF included) before answering as Spring's default.
				.accessDeniedHandler(accessDeniedHandler.getIfAvailable(AccessDeniedHandlerImpl::new)))
			// The public account API takes its proof in the body (a token, an address), not from ambient
			// credentials, so an anonymous program may call it without a CSRF token; a signed-in
			// browser still needs one.
			.csrf(csrf -> csrf.ignoringRequestMatchers(anonymousCallTo(PUBLIC_ACCOUNT_API)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaderValues.PERMISSIONS_POLICY))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		// OpenID Connect sign-in of the institutions that turned it on (identity's sso package).
		SingleSignOnLogin sso = singleSignOn.getIfAvailable();
		if (sso != null) {
			http.oauth2Login(sso::configure);
		}
		return http.build();
	}

	/**
	 * The redirect to the sign-in page names no host ({@code Location: /login}): built from the
	 * request, it would point wherever the caller's {@code Host} header said.
	 */
	static LoginUrlAuthenticationEntryPoint loginPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * No observation of each security filter, authentication and authorization: they wrapped every
	 * filter of the chain on every request (a tenth of a page's CPU) to feed metrics that nobody reads.
	 * The request as a whole is still observed ({@code http.server.requests}); sign-ins and denials are
	 * audited by identity.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Session ids with 256 random bits (QUALITY S6); Spring Session's default UUIDs carry only 122.
	 */
	@Bean
	SessionIdGenerator sessionIdGenerator() {
		SecureRandom random = new SecureRandom();
		return () -> {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		};
	}

	/**
	 * Unauthenticated API calls get 401 with an RFC 9457 body and {@code WWW-Authenticate: Bearer}
	 * instead of a redirect to the login page.
	 */
	static final class ProblemJsonEntryPoint implements AuthenticationEntryPoint {

		@Override
		public void commence(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response,
				org.springframework.security.core.AuthenticationException authException) throws java.io.IOException {
			ProblemResponses.writeProblem(request, response, HttpStatus.UNAUTHORIZED,
					"Sign in, or send a valid access token.");
		}

	}

}
