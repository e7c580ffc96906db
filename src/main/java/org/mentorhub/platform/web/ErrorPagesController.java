package org.mentorhub.platform.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Boot's error controller: browsers get a friendly page (403, 404, 500 and a generic one)
 * and API clients get RFC 9457 problem JSON. Neither ever shows an exception message or stack
 * trace (QUALITY S13).
 */
@Controller
class ErrorPagesController implements ErrorController {

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView errorPage(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		String view = switch (status.value()) {
			case 401, 403 -> "error/403";
			case 404, 405 -> "error/404";
			default -> status.is5xxServerError() ? "error/500" : "error/generic";
		};
		Map<String, Object> model = new HashMap<>(Map.of("status", status.value(), "reason", status.getReasonPhrase()));
		if (request.getAttribute(ProblemResponses.DETAIL) instanceof String detail) {
			model.put("detail", detail);
		}
		return new ModelAndView(view, model, status);
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> errorProblem(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		String detail = request.getAttribute(ProblemResponses.DETAIL) instanceof String given ? given
				: ApiExceptionHandler.genericDetail(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		// The path the caller asked for; Spring would otherwise fill in this controller's own, /error.
		problem.setInstance(ProblemResponses.instanceUri(request));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return answer.body(problem);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
