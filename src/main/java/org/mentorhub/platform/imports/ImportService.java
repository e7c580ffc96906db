package org.mentorhub.platform.imports;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service side every import shares: upload, the latest imports, an import with its rows, its
 * progress, and commit, retry and discard through the module's {@link ImportPipeline}. A module
 * extends it with its upload and preview rules and its {@link #find} (which checks who may see the
 * import, "not found" otherwise). Every method needs the module's {@link #permission()}; the module
 * puts it on its subclass too ({@code @PreAuthorize} on the class, for its own methods) and, where a
 * change needs more, on an override of that method.
 *
 * @param <I> the module's import entity
 * @param <S> the module's import summary
 * @param <P> the module's import with every row
 */
public abstract class ImportService<I extends ImportRecord, S extends ImportProgress, P extends ImportWithRows<S>> {

	/**
	 * What every method here checks: the module's permission. Method security looks for a class's
	 * {@code @PreAuthorize} on the class that declares the method, so the module's class-level annotation
	 * does not cover the methods inherited from here.
	 */
	private static final String MAY_USE = "hasAuthority(#root.this.permission())";

	private final ImportPipeline<I> pipeline;

	private final String permission;

	/**
	 * @param permission the authority every method needs, e.g. {@code USER_IMPORT}
	 */
	protected ImportService(ImportPipeline<I> pipeline, String permission) {
		this.pipeline = pipeline;
		this.permission = permission;
	}

	/** The authority every method of this service needs. */
	public String permission() {
		return this.permission;
	}

	/**
	 * Reads and checks an uploaded file and keeps it as a preview. A file that is not CSV, too large,
	 * too long or without the expected columns is refused as a whole (400 for the field {@code file})
	 * and nothing is kept.
	 */
	@PreAuthorize(MAY_USE)
	public abstract P upload(String fileName, byte[] content);

	/** The latest imports the caller may see, newest first. */
	@PreAuthorize(MAY_USE)
	public abstract List<S> recent();

	/** The import with every row, for the preview. */
	@Transactional(readOnly = true)
	@PreAuthorize(MAY_USE)
	public P get(long id) {
		return preview(find(id));
	}

	/** The import's state and counters, for the progress bar. */
	@Transactional(readOnly = true)
	@PreAuthorize(MAY_USE)
	public S progress(long id) {
		return summary(find(id));
	}

	/**
	 * Starts applying the valid rows in the background (409 unless the import is a preview), as the
	 * caller: the caller's permissions go with the work.
	 */
	@Transactional
	@PreAuthorize(MAY_USE)
	public S commit(long id) {
		return summary(this.pipeline.commit(find(id)));
	}

	/**
	 * Starts a commit that failed (an error, or a restart) again: the rows not yet applied are, the
	 * others stay as they are (409 unless the import failed).
	 */
	@Transactional
	@PreAuthorize(MAY_USE)
	public S retry(long id) {
		return summary(this.pipeline.retryCommit(find(id)));
	}

	/** Applies nothing from the file (409 unless the import is a preview). */
	@Transactional
	@PreAuthorize(MAY_USE)
	public S discard(long id) {
		return summary(this.pipeline.discard(find(id)));
	}

	/** The import, if the caller may see it ("not found" otherwise). */
	protected abstract I find(long id);

	/** The import with every row. */
	protected abstract P preview(I upload);

	/** The import's state and counters. */
	protected abstract S summary(I upload);

	/** Why a FAILED import stopped, or null. */
	protected final String failureReason(I upload) {
		return this.pipeline.failureReason(upload).orElse(null);
	}

}
