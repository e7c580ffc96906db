package org.mentorhub.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to a request that never reached the application (a {@code %00} or a broken
 * escape in the path, a request line or headers that are too long, too many parameters): problem
 * JSON, or a bare page for a browser, with the security headers and without Tomcat's name, version
 * or report. Errors the application raised went through its own error handling before and are left
 * alone.
 */
public class ContainerErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
		}
		String detail = status.is5xxServerError() ? ApiExceptionHandler.genericDetail(status)
				: "The request is malformed or too large, and was not processed.";
		String instance = request.getRequestURI() == null ? "/" : request.getRequestURI();
		SecurityHeaderValues.writeTo(response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		boolean page = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !instance.startsWith("/api/");
		try {
			response.setCharacterEncoding("UTF-8");
			if (page) {
				response.setContentType(MediaType.TEXT_HTML_VALUE);
			}
			else {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			}
			Writer writer = response.getReporter();
			if (writer == null) {
				return;
			}
			writer.write(page ? html(status) : ProblemResponses.json(status, detail, instance));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone; nothing more to say.
		}
	}

	private static String html(HttpStatus status) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status.value()
				+ " · MentorHub</title></head><body><main><h1>" + status.value() + " " + status.getReasonPhrase()
				+ "</h1><p>The address could not be understood. <a href=\"/\">Back to MentorHub</a></p></main></body></html>";
	}

}
