package org.mentorhub.mentorship;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.mentorship.BulkAssignments.Draft;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the bulk-assignment pages: run the optimiser, review the draft, pin, remove, re-run, commit. */
@RestController
@RequestMapping("/api/v1/mentorships/bulk")
@Tag(name = "Bulk assignment", description = "The optimiser for a department or a cohort of mentees (administrator: "
		+ "institution; coordinator: own department). A run gives a draft (RUNNING, then READY or FAILED); pins and "
		+ "removals need a re-run; committing creates every pair as an ACTIVE mentorship in one transaction, or answers "
		+ "409 \"the draft is stale, re-run it\" and writes nothing. A draft out of reach is 404; mentors and mentees 403.")
class BulkAssignmentRestController {

	/** How long {@code wait=true} waits for the optimiser. */
	static final Duration WAIT = Duration.ofSeconds(60);

	private final BulkAssignments bulk;

	BulkAssignmentRestController(BulkAssignments bulk) {
		this.bulk = bulk;
	}

	/** What to run for: a department, a cohort (e-mail addresses or user ids), or the caller's whole scope. */
	record RunBody(Long departmentId, List<String> cohort, Boolean maximiseAssignments) {
	}

	/** A pair to pin or remove. */
	record PairBody(Long menteeId, Long mentorId) {
	}

	/** The version of the draft the caller reviewed. */
	record CommitBody(Long version) {
	}

	/** The result of a commit. */
	record Committed(long draftId, int mentorships) {
	}

	@GetMapping
	@Operation(summary = "Recent drafts", description = "The last 20 drafts in the caller's scope, newest first.")
	List<BulkAssignments.DraftSummary> recent() {
		return this.bulk.recent();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run the optimiser",
			description = "Starts a run and answers 202 with the RUNNING draft (poll GET /{id} for progress). With "
					+ "wait=true the call waits until the run finishes (up to 60 s) and answers 200 with the READY (or "
					+ "FAILED) draft: the optimiser as one API call. 400 for an unknown department, another department "
					+ "(coordinator), or cohort entries that are not free mentees of the caller's scope.")
	ResponseEntity<Draft> run(@RequestBody(required = false) RunBody body,
			@Parameter(description = "Wait for the result") @RequestParam(defaultValue = "false") boolean wait) {
		RunBody b = body == null ? new RunBody(null, null, null) : body;
		long id = this.bulk.start(b.departmentId(), b.cohort(), Boolean.TRUE.equals(b.maximiseAssignments()));
		return answer(id, wait);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a draft", description = "Status, progress (0-100), total score, pairs with score and "
			+ "explanation, unassigned mentees with the reason, pins and removals.")
	Draft get(@PathVariable long id) {
		return this.bulk.get(id);
	}

	@PostMapping("/{id}/pins")
	@Operation(summary = "Pin a pair", description = "Every re-run keeps it. 400 when the pair breaks a hard limit or "
			+ "the mentor's capacity, or the mentee is not in the draft. The draft needs a re-run before a commit.")
	Draft pin(@PathVariable long id, @RequestBody(required = false) PairBody body) {
		PairBody b = body == null ? new PairBody(null, null) : body;
		this.bulk.pin(id, b.menteeId(), b.mentorId());
		return this.bulk.get(id);
	}

	@PostMapping("/{id}/removals")
	@Operation(summary = "Remove a pair", description = "Re-runs never use it. The draft needs a re-run before a commit.")
	Draft remove(@PathVariable long id, @RequestBody(required = false) PairBody body) {
		PairBody b = body == null ? new PairBody(null, null) : body;
		this.bulk.remove(id, b.menteeId(), b.mentorId());
		return this.bulk.get(id);
	}

	@PostMapping("/{id}/rerun")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Re-run a draft", description = "Keeps pins and removals; 202 with the RUNNING draft, or 200 "
			+ "with the finished draft when wait=true. 409 when it is running, committed or discarded.")
	ResponseEntity<Draft> rerun(@PathVariable long id, @RequestParam(defaultValue = "false") boolean wait) {
		this.bulk.rerun(id);
		return answer(id, wait);
	}

	@PostMapping("/{id}/commit")
	@Operation(summary = "Commit a draft", description = "Creates every pair as an ACTIVE mentorship in one transaction "
			+ "(capacity reserved, events published). 409 when the draft is not READY, needs a re-run, its version is not "
			+ "the one given, or anything changed since the run (then the draft becomes STALE and nothing is written).")
	Committed commit(@PathVariable long id, @RequestBody(required = false) CommitBody body) {
		return new Committed(id, this.bulk.commit(id, body == null ? null : body.version()));
	}

	@PostMapping("/{id}/discard")
	@Operation(summary = "Discard a draft", description = "A running draft is cancelled; 409 when committed or discarded.")
	Draft discard(@PathVariable long id) {
		this.bulk.discard(id);
		return this.bulk.get(id);
	}

	private ResponseEntity<Draft> answer(long id, boolean wait) {
		if (wait) {
			Draft draft = this.bulk.await(id, WAIT);
			return ResponseEntity.status(draft.summary().running() ? HttpStatus.ACCEPTED : HttpStatus.OK)
				.location(URI.create("/api/v1/mentorships/bulk/" + id))
				.body(draft);
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/mentorships/bulk/" + id)).body(this.bulk.get(id));
	}

}
