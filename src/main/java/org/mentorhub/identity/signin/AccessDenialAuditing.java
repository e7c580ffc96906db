package org.mentorhub.identity.signin;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aopalliance.intercept.MethodInvocation;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits denied access (QUALITY S12) as {@code ACCESS_DENIED}, once per denial:
 * <ul>
 * <li>a signed-in user refused by an authorization rule, on a URL or on a method
 * ({@code @PreAuthorize}), whether the denial then becomes a 403 page or problem JSON: from Spring
 * Security's {@link AuthorizationDeniedEvent};</li>
 * <li>any other 403 of the security filter chain, such as a missing or wrong CSRF token: as the
 * chain's {@link AccessDeniedHandler}, which then answers as Spring's default handler does.</li>
 * </ul>
 * Anonymous visitors refused by an authorization rule are not audited: they are asked to sign in.
 */
@Component
class AccessDenialAuditing implements AccessDeniedHandler {

	private final AuditTrail audit;

	private final AccessDeniedHandler answer = new AccessDeniedHandlerImpl();

	AccessDenialAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException denied) throws IOException, ServletException {
		// Authorization denials were already audited from their event.
		if (!(denied instanceof AuthorizationDeniedException)) {
			String reason = denied instanceof CsrfException ? "missing or invalid CSRF token" : "access denied";
			record(SecurityContextHolder.getContext().getAuthentication(), "request", describe(request), reason, null);
		}
		// As Spring's handler does when it has an error page: the error page (and tests) can tell why.
		request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
		this.answer.handle(request, response, denied);
	}

	@EventListener
	void on(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return;
		}
		Object secured = event.getObject();
		if (secured instanceof MethodInvocationResult result) {
			secured = result.getMethodInvocation();
		}
		if (secured instanceof MethodInvocation invocation) {
			String target = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
					+ invocation.getMethod().getName();
			HttpServletRequest current = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
					? attributes.getRequest() : null;
			if (current != null && current.getRequestURI() != null && !current.getRequestURI().isEmpty()) {
				// The request names what was asked; the refused service method says which rule said no.
				record(authentication, "request", describe(current), "authorization rule", target);
			}
			else {
				record(authentication, "method", target, "authorization rule", target);
			}
		}
		else if (secured instanceof HttpServletRequest request) {
			record(authentication, "request", describe(request), "authorization rule", null);
		}
		else {
			record(authentication, "unknown", null, "authorization rule", null);
		}
	}

	private void record(Authentication authentication, String entity, String what, String reason, String target) {
		Actor actor = authentication != null && authentication.getPrincipal() instanceof Actor signedIn ? signedIn : null;
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("reason", reason);
		if (target != null) {
			details.put("target", target);
		}
		this.audit.recordFor(AuditRecord.change("ACCESS_DENIED", entity, what, null, details),
				actor == null ? null : actor.id(), actor == null ? null : actor.institutionId(),
				actor == null ? "anonymous" : null);
	}

	/** The method and path, without the query string (which may carry a token). */
	private static String describe(HttpServletRequest request) {
		String path = request.getRequestURI();
		return request.getMethod() + " " + (path == null ? "" : path);
	}

}
