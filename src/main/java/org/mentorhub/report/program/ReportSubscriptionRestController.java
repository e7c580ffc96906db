package org.mentorhub.report.program;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.report.program.ReportSubscriptions.Subscription;
import org.mentorhub.report.program.ReportSubscriptions.SubscriptionRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** My e-mail subscriptions to the program dashboard, under {@code /api/v1/reports/subscriptions}. */
@RestController
@RequestMapping("/api/v1/reports/subscriptions")
@Tag(name = "Reports")
class ReportSubscriptionRestController {

	private final ReportSubscriptions subscriptions;

	ReportSubscriptionRestController(ReportSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping
	@Operation(summary = "My subscriptions to the program dashboard by e-mail",
			description = "Administrators and coordinators; each lists only their own.")
	List<Subscription> mine() {
		return this.subscriptions.mine();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Subscribe to the program dashboard by e-mail", description = "WEEKLY (Mondays, the week "
			+ "before) or MONTHLY (the 1st, the month before), for the caller's institution or one of its departments "
			+ "(administrators) or their own department (coordinators); optionally narrowed to one kind of program "
			+ "(kind: student, professional or new-mother, as the dashboard's kind filter; another value is 400 and "
			+ "nothing is written), which narrows the e-mail's summary and its PDF. The same scope, frequency and kind "
			+ "again gives the subscription already there. Audited (REPORT_SUBSCRIBED, with the kind).")
	ResponseEntity<Subscription> subscribe(@RequestBody SubscriptionRequest request) {
		Subscription created = this.subscriptions.subscribe(request);
		return ResponseEntity.created(URI.create("/api/v1/reports/subscriptions")).body(created);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unsubscribe", description = "Only one's own subscription; another's is 404. Audited "
			+ "(REPORT_UNSUBSCRIBED).")
	void unsubscribe(@PathVariable long id) {
		this.subscriptions.unsubscribe(id);
	}

}
