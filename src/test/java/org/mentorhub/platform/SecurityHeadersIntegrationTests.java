package org.mentorhub.platform;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.platform.HandlerRoutes.Route;
import org.mentorhub.platform.web.SecurityHeaderValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The security headers of QUALITY S7 on every GET route of the handler mappings (so routes added
 * later are covered), for a visitor and for a signed-in user, over HTTPS: a CSP that forbids
 * framing and inline script, HSTS, nosniff, Referrer-Policy, COOP, Permissions-Policy and
 * {@code no-store}.
 */
@MentorHubIntegrationTest
class SecurityHeadersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	List<String> problemsOf(MockHttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		String csp = response.getHeader("Content-Security-Policy");
		if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'self'")
				|| !csp.contains("script-src 'self'") || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
			problems.add("Content-Security-Policy: " + csp);
		}
		String hsts = response.getHeader("Strict-Transport-Security");
		if (hsts == null || !hsts.contains("max-age=31536000") || !hsts.contains("includeSubDomains")) {
			problems.add("Strict-Transport-Security: " + hsts);
		}
		expect(problems, response, "X-Content-Type-Options", "nosniff");
		expect(problems, response, "Referrer-Policy", "strict-origin-when-cross-origin");
		expect(problems, response, "Cross-Origin-Opener-Policy", "same-origin");
		expect(problems, response, "X-Frame-Options", "DENY");
		expect(problems, response, "Permissions-Policy", SecurityHeaderValues.PERMISSIONS_POLICY);
		String cache = response.getHeader("Cache-Control");
		if (cache == null || !cache.contains("no-store")) {
			problems.add("Cache-Control: " + cache);
		}
		return problems;
	}

	static void expect(List<String> problems, MockHttpServletResponse response, String header, String value) {
		if (!value.equals(response.getHeader(header))) {
			problems.add(header + ": " + response.getHeader(header));
		}
	}

	@Test
	void everyGetRouteCarriesTheSecurityHeaders() throws Exception {
		UserDetails admin = this.users
			.loadUserByUsername(aUniversity().withDepartment("CS").build(this.jdbc).anAdmin().create(this.jdbc).email());
		List<Route> routes = HandlerRoutes.gets(this.context);
		assertThat(routes).extracting(Route::pattern).contains("/", "/login", "/api/v1/me", "/error");

		List<String> missing = new ArrayList<>();
		for (Route route : routes) {
			for (UserDetails who : new UserDetails[] { admin, null }) {
				MockHttpServletRequestBuilder request = get(route.path()).secure(true);
				MockHttpServletResponse response;
				try {
					response = this.mvc.perform(who == null ? request : request.with(user(who))).andReturn().getResponse();
				}
				catch (ServletException leftToTheErrorPage) {
					// MockMvc has no error dispatch; the error pages are GET routes of their own here.
					continue;
				}
				List<String> problems = problemsOf(response);
				if (!problems.isEmpty()) {
					missing.add(route + (who == null ? " (anonymous) " : " (signed in) ") + problems);
				}
			}
		}

		assertThat(missing).as("routes without the security headers").isEmpty();
	}

	@Test
	void hstsIsSentOnlyOverHttps() throws Exception {
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security"))
			.isNull();
		assertThat(this.mvc.perform(get("/login").secure(true)).andReturn().getResponse()
			.getHeader("Strict-Transport-Security")).isNotNull();
	}

}
