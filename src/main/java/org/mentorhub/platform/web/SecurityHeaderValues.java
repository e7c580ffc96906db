package org.mentorhub.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Security header values shared by the security filter chain and the answers Tomcat gives for
 * requests that never reach it (QUALITY S7).
 */
public final class SecurityHeaderValues {

	/** Browser features no page of MentorHub uses, switched off for every page and any frame. */
	public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
			+ "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

	private SecurityHeaderValues() {
	}

	/** The headers of an answer that shows nothing but its own text. */
	static void writeTo(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
	}

}
