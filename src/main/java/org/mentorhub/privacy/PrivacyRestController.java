package org.mentorhub.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.privacy.ConsentKind;
import org.mentorhub.privacy.consent.ConsentView;
import org.mentorhub.privacy.consent.Consents;
import org.mentorhub.privacy.disclosure.DisclosureView;
import org.mentorhub.privacy.disclosure.Disclosures;
import org.mentorhub.privacy.export.DataExportView;
import org.mentorhub.privacy.export.DataExports;
import org.mentorhub.privacy.export.ExportFile;
import org.mentorhub.privacy.export.NewDataExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of my privacy rights: ask for a download of my data (202 with the job and the single-use link), its
 * status and the download; who else read my education record; my consents and their withdrawal.
 */
@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "My data and privacy", description = "Download my data (GDPR Arts. 15 and 20), who read my education "
		+ "record (FERPA), my consents")
class PrivacyRestController {

	/** Downloads one person may ask for per hour, page and API together. */
	static final int EXPORTS_PER_HOUR = 3;

	private final DataExports exports;

	private final Consents consents;

	private final Disclosures disclosures;

	PrivacyRestController(DataExports exports, Consents consents, Disclosures disclosures) {
		this.exports = exports;
		this.consents = consents;
		this.disclosures = disclosures;
	}

	/**
	 * A download being gathered, as the API shows it.
	 * @param downloadUrl the single-use link; only in the answer to the request that made it
	 */
	record ExportResponse(long id, String status, Long jobId, int percent, String failureReason, Instant createdAt,
			Instant readyAt, Instant expiresAt, Instant downloadedAt, Long sizeBytes, String statusUrl,
			String downloadUrl) {

		static ExportResponse of(DataExportView view, String token) {
			return new ExportResponse(view.id(), view.status().name(), view.jobId(), view.percent(),
					view.failureReason(), view.createdAt(), view.readyAt(), view.expiresAt(), view.downloadedAt(),
					view.sizeBytes(), "/api/v1/privacy/exports/" + view.id(),
					token == null ? null : "/api/v1/privacy/exports/download/" + token);
		}

	}

	/** One consent. */
	record ConsentResponse(ConsentKind kind, boolean active, Instant givenAt, Instant withdrawnAt, String textVersion) {

		static ConsentResponse of(ConsentView view) {
			return new ConsentResponse(view.kind(), view.active(), view.givenAt(), view.withdrawnAt(), view.textVersion());
		}

	}

	@Operation(summary = "Ask for a download of my data", description = "202: a background job gathers every module's "
			+ "data, CSV files and my uploaded files into a ZIP. downloadUrl is shown only in this answer; it works "
			+ "once, for 24 hours after the ZIP is ready. 409 while another download is being gathered; 3 per hour.")
	@PostMapping("/exports")
	@RateLimited(name = DataExports.RATE_LIMIT, capacity = EXPORTS_PER_HOUR, per = "PT1H")
	ResponseEntity<ExportResponse> requestExport() {
		NewDataExport created = this.exports.request();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header(HttpHeaders.LOCATION, "/api/v1/privacy/exports/" + created.export().id())
			.body(ExportResponse.of(created.export(), created.token()));
	}

	@Operation(summary = "My recent downloads")
	@GetMapping("/exports")
	List<ExportResponse> exports() {
		return this.exports.mine().stream().map(view -> ExportResponse.of(view, null)).toList();
	}

	@Operation(summary = "The state and progress of one of my downloads", description = "404 for anyone else's.")
	@GetMapping("/exports/{id}")
	ExportResponse export(@PathVariable long id) {
		return ExportResponse.of(this.exports.get(id), null);
	}

	@Operation(summary = "Download my data (a ZIP), once", description = "404 for an unknown token or anyone else's; "
			+ "409 while it is being gathered or after it failed; 410 once downloaded or expired.")
	// No "produces": a refusal is problem JSON, which a mapping that only produces ZIP would turn into 406.
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The ZIP",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/zip",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
	@GetMapping("/exports/download/{token}")
	void download(@PathVariable String token, HttpServletResponse response) throws IOException {
		zip(this.exports.download(token), response);
	}

	@Operation(summary = "Who else read my education record", description = "Reads of my GPA, attendance, risk, "
			+ "alerts, goals, sessions, session notes, session feedback and the files of my sessions by others, "
			+ "newest first, from the audit log; limit 1 to 500.")
	@GetMapping("/disclosures")
	List<DisclosureView> disclosures(@RequestParam(defaultValue = "" + Disclosures.DEFAULT_LIMIT) int limit) {
		return this.disclosures.mine(limit);
	}

	@Operation(summary = "My consents", description = "Every kind, with when I gave and withdrew it.")
	@GetMapping("/consents")
	List<ConsentResponse> consents() {
		return this.consents.mine().stream().map(ConsentResponse::of).toList();
	}

	@Operation(summary = "Withdraw one of my consents", description = "SUPPORT_CHAT deletes my chat history; "
			+ "DIRECTORY_VISIBILITY takes my profile out of the directory. 400 for an unknown kind, 404 for one never given.")
	@DeleteMapping("/consents/{kind}")
	ConsentResponse withdraw(@PathVariable String kind) {
		return ConsentResponse.of(this.consents.withdraw(kind));
	}

	/**
	 * The ZIP as a download that is never cached, streamed from the file store into the response. Written here,
	 * not returned as a resource: a {@code Range} request must not turn the single download into a part of it.
	 * Closing the stream deletes the stored ZIP, also when the client went away.
	 */
	static void zip(ExportFile file, HttpServletResponse response) throws IOException {
		try (InputStream content = file.content()) {
			response.setContentType("application/zip");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (file.sizeBytes() != null) {
				response.setContentLengthLong(file.sizeBytes());
			}
			content.transferTo(response.getOutputStream());
			response.flushBuffer();
		}
	}

}
