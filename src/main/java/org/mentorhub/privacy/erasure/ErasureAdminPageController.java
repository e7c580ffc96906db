package org.mentorhub.privacy.erasure;

import java.time.Clock;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The institution administrator's erasure pages: the requests (pending first) with the legal-hold
 * setting, and one request with approve (after the cooling-off period) and refuse (with a reason).
 */
@Controller
class ErasureAdminPageController {

	private final ErasureRequests requests;

	private final LegalHolds holds;

	private final Clock clock;

	ErasureAdminPageController(ErasureRequests requests, LegalHolds holds, Clock clock) {
		this.requests = requests;
		this.holds = holds;
		this.clock = clock;
	}

	@GetMapping("/admin/privacy/erasure-requests")
	ModelAndView list() {
		return listView(this.holds.mine(), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/admin/privacy/legal-hold")
	ModelAndView changeHold(@RequestParam(required = false) Boolean keepAcademicRecords,
			@RequestParam(required = false) String reason) {
		try {
			this.holds.change(Boolean.TRUE.equals(keepAcademicRecords), reason);
			return new ModelAndView("redirect:/admin/privacy/erasure-requests?saved=true");
		}
		catch (InvalidInputException ex) {
			return listView(new LegalHolds.Hold(Boolean.TRUE.equals(keepAcademicRecords), reason), FieldErrors.of(ex),
					HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/admin/privacy/erasure-requests/{id}")
	ModelAndView one(@PathVariable long id) {
		return oneView(this.requests.ofMyInstitution(id), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/admin/privacy/erasure-requests/{id}/approve")
	ModelAndView approve(@PathVariable long id) {
		this.requests.approve(id);
		return new ModelAndView("redirect:/admin/privacy/erasure-requests/" + id + "?approved=true");
	}

	@PostMapping("/admin/privacy/erasure-requests/{id}/refuse")
	ModelAndView refuse(@PathVariable long id, @RequestParam(required = false) String reason) {
		try {
			this.requests.refuse(id, reason);
			return new ModelAndView("redirect:/admin/privacy/erasure-requests/" + id + "?refused=true");
		}
		catch (InvalidInputException ex) {
			return oneView(this.requests.ofMyInstitution(id), FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView listView(LegalHolds.Hold hold, FieldErrors errors, HttpStatus status) {
		ModelAndView view = new ModelAndView("privacy/admin-erasure-requests", status);
		view.addObject("requests", this.requests.ofMyInstitution());
		view.addObject("hold", hold);
		view.addObject("errors", errors);
		return view;
	}

	private ModelAndView oneView(ErasureRequest request, FieldErrors errors, HttpStatus status) {
		ModelAndView view = new ModelAndView("privacy/admin-erasure-request", status);
		view.addObject("request", request);
		view.addObject("coolingOffOver", request.coolingOffOver(this.clock.instant()));
		view.addObject("errors", errors);
		return view;
	}

}
