package org.mentorhub.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one caller may invoke a controller method (QUALITY S14): at most
 * {@link #capacity()} calls in a burst, refilled evenly over {@link #per()}. The caller is the
 * signed-in user (or, for anonymous requests, the client IP). Past the limit the request is answered
 * 429 with problem JSON and a {@code Retry-After} header, and the method is not called.
 *
 * <p>Methods that share a {@link #name()} share one budget per caller, so a page action and its
 * {@code /api/v1} twin count together. Example:
 * <pre>{@code @RateLimited(name = "direct-message", capacity = 30, per = "PT1M")}</pre>
 * The budgets live in the memory of each instance ({@link RateLimiter}).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

	/** The budget's name, such as {@code audit-export}; methods with the same name share it. */
	String name();

	/** How many calls a caller may make at once. */
	int capacity();

	/** The time over which a full budget refills, as an ISO-8601 duration such as {@code PT10M}. */
	String per();

}
