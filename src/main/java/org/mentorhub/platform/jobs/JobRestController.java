package org.mentorhub.platform.jobs;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own background jobs: their progress, and a retry after a failure. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Background work you started (imports, bulk assignment runs): state, progress, "
		+ "failure reason, and a retry of failed work. Anyone else's job is not found.")
class JobRestController {

	private final Jobs jobs;

	JobRestController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/{id}")
	@Operation(summary = "A job's state and progress")
	JobResponse get(@PathVariable long id) {
		return JobResponse.of(this.jobs.get(id));
	}

	@PostMapping("/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Retry a failed job",
			description = "202 with the job that now runs. 409 unless the job failed; 404 for anyone else's job.")
	ResponseEntity<JobResponse> retry(@PathVariable long id) {
		return ResponseEntity.accepted().body(JobResponse.of(this.jobs.retry(id)));
	}

	/** A job: what it works on, its state, progress and failure reason. */
	record JobResponse(long id, String kind, long subjectId, JobState state, int done, int total, int percent,
			String failureReason, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt) {

		static JobResponse of(Job job) {
			return new JobResponse(job.id(), job.kind(), job.subjectId(), job.state(), job.done(), job.total(),
					job.percent(), job.failureReason(), job.attempts(), job.createdAt(), job.startedAt(),
					job.finishedAt());
		}

	}

}
