package org.mentorhub.audit;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;

import org.mentorhub.platform.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records denied access (QUALITY S12): a signed-in user, or an API token, refused by the filter
 * chain or by a service's authorization check. The row names the request (method and path, never
 * the query string, which may hold a token) and the refused service method. Anonymous callers
 * sent to the sign-in page are not recorded: that is every first visit, not an attempt.
 */
@Component
class AccessDeniedAuditor {

	private final AuditTrail trail;

	AccessDeniedAuditor(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
			return;
		}
		HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
		String requestLine = request == null ? null : request.getMethod() + " " + request.getRequestURI();
		Map<String, Object> details = new LinkedHashMap<>();
		if (requestLine != null) {
			details.put("request", requestLine);
		}
		if (event.getSource() instanceof MethodInvocation invocation) {
			Method method = invocation.getMethod();
			details.put("target", method.getDeclaringClass().getSimpleName() + "." + method.getName());
		}
		// Its own transaction: the refused work is rolled back, the record of the refusal stays.
		this.trail.recordFor(AuditRecord.change("ACCESS_DENIED", "request", requestLine, null, details), actor.id(),
				actor.institutionId(), null);
	}

}
