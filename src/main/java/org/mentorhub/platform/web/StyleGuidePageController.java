package org.mentorhub.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The living style guide at {@code /dev/ui} (docs/ui.md): every component of the design system on one
 * page, with made-up values. For development: on while {@code mentorhub.ui.style-guide.enabled} is
 * (by default it follows {@code mentorhub.demo.enabled}, which production switches off), and then
 * for anybody signed in; it holds no data.
 */
@Controller
@ConditionalOnBooleanProperty("mentorhub.ui.style-guide.enabled")
class StyleGuidePageController {

	/** Every status that has a badge colour, grouped as in mentorhub.css. */
	static final List<List<String>> STATUSES = List.of(
			List.of("ACTIVE", "CONFIRMED", "COMPLETED", "APPROVED", "COMMITTED", "CREATED", "APPLIED"),
			List.of("REQUESTED", "PROPOSED", "ACCEPTED", "PENDING", "RESCHEDULED", "PAUSED", "INVITED", "PREVIEW",
					"RUNNING", "STALE", "WARN"),
			List.of("ENDED", "CANCELLED", "REJECTED", "WITHDRAWN", "EXPIRED", "DISABLED", "REVOKED"),
			List.of("IN_PROGRESS", "NOT_STARTED", "OPEN", "READY", "INFO"),
			List.of("AT_RISK", "INVALID", "FAILED", "ERROR", "CRITICAL"));

	private final Clock clock;

	StyleGuidePageController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/dev/ui")
	String styleGuide(Model model) {
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("soon", this.clock.instant().plus(Duration.ofDays(2).plusHours(1)));
		model.addAttribute("past", this.clock.instant().minus(Duration.ofHours(3)));
		model.addAttribute("sampleErrors",
				FieldErrors.of(List.of(new FieldProblem("sampleEmail", "Enter an e-mail address such as name@example.org."))));
		return "platform/style-guide";
	}

}
