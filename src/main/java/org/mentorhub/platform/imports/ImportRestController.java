package org.mentorhub.platform.imports;

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * The API every import has, under the module's {@code @RequestMapping} (its {@link Api#base()}):
 * commit, retry and discard of an import, answered with the module's summary response, plus the
 * upload's 201 with the module's preview response. The module adds its reads and its upload handler
 * (which calls {@link #upload(MultipartFile, String, String)} and may carry a rate limit); its service
 * checks who may.
 *
 * @param <S> the module's import summary
 * @param <P> the module's import with every row
 * @param <R> the module's summary response
 * @param <V> the module's preview response
 */
public abstract class ImportRestController<S extends ImportProgress, P extends ImportWithRows<S>, R, V> {

	/**
	 * Where a module's import API is and what it answers.
	 * @param base the API's path, e.g. {@code /api/v1/user-imports}
	 * @param maxBytes the largest file the module reads
	 * @param summary the summary response of an import
	 * @param preview the preview response of an import
	 */
	public record Api<S, P, R, V>(String base, long maxBytes, Function<S, R> summary, Function<P, V> preview) {
	}

	private final ImportService<?, S, P> imports;

	private final Api<S, P, R, V> api;

	protected ImportRestController(ImportService<?, S, P> imports, Api<S, P, R, V> api) {
		this.imports = imports;
		this.api = api;
	}

	/** The service, for the module's own reads. */
	protected ImportService<?, S, P> imports() {
		return this.imports;
	}

	/** The summary response of an import. */
	protected R summary(S summary) {
		return this.api.summary().apply(summary);
	}

	/** The preview response of an import. */
	protected V preview(P preview) {
		return this.api.preview().apply(preview);
	}

	/**
	 * Keeps the uploaded file as a preview: 201 with every row, its outcome and problems. 400 for the
	 * field {@code file} with the module's messages when it is missing, empty or too large.
	 */
	protected ResponseEntity<V> upload(MultipartFile file, String missing, String tooLarge) throws IOException {
		byte[] content = ImportPages.content(file, this.api.maxBytes(), missing, tooLarge);
		P preview = this.imports.upload(file.getOriginalFilename(), content);
		return ResponseEntity.created(URI.create(this.api.base() + "/" + preview.summary().id()))
			.body(preview(preview));
	}

	@PostMapping("/{id}/commit")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Commit the import: apply its valid rows",
			description = "202: the rows are checked again and applied in the background (the people invited, or "
					+ "the records changed); poll the import's progress. 409 unless the import is a preview.")
	public ResponseEntity<R> commit(@PathVariable long id) {
		return ResponseEntity.accepted().body(summary(this.imports.commit(id)));
	}

	@PostMapping("/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Retry a failed import",
			description = "202: the rows not yet applied are checked and applied in the background; poll the "
					+ "import's progress. 409 unless the import failed (an unexpected error, or a restart of the "
					+ "server).")
	public ResponseEntity<R> retry(@PathVariable long id) {
		return ResponseEntity.accepted().body(summary(this.imports.retry(id)));
	}

	@PostMapping("/{id}/discard")
	@Operation(summary = "Import nothing from the file", description = "409 unless the import is a preview.")
	public R discard(@PathVariable long id) {
		return summary(this.imports.discard(id));
	}

}
