package org.mentorhub.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.TooManyRequestsException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@link RateLimited} to controller methods, per signed-in user (or per client IP when
 * nobody is signed in). A refused call gets 429, a {@code Retry-After} header and problem JSON; a
 * browser asking for a page gets the friendly error page instead.
 */
class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimiter limiter;

	private final Map<String, Duration> periods = new ConcurrentHashMap<>();

	RateLimitInterceptor(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		RateLimited limit = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
		if (limit == null) {
			limit = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
		}
		if (limit == null) {
			return true;
		}
		Duration per = this.periods.computeIfAbsent(limit.per(), Duration::parse);
		RateLimiter.Decision decision = this.limiter.tryAcquire(limit.name(), caller(request), limit.capacity(), per);
		if (decision.allowed()) {
			return true;
		}
		refuse(request, response, new TooManyRequestsException(decision.retryAfter()));
		return false;
	}

	static void refuse(HttpServletRequest request, HttpServletResponse response, TooManyRequestsException ex)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		ProblemResponses.refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, ApiExceptionHandler.tooManyRequestsDetail(ex));
	}

	private static String caller(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return "user:" + actor.id();
		}
		return "ip:" + request.getRemoteAddr();
	}

}
