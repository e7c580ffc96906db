package org.mentorhub.platform.imports;

import java.io.IOException;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages every import has, under the module's {@code @RequestMapping} (its {@link Pages#base()}):
 * the upload form with the latest imports, the preview of every row ({@code /{id}}), its progress
 * partial, which htmx polls while the commit runs ({@code /{id}/progress}), and commit, retry and
 * discard, which redirect to the import (a refused change shows its reason there). The module adds its
 * upload handler, which calls {@link #upload(MultipartFile, Model, String, String)} with its messages
 * and may carry a rate limit; its service checks who may.
 *
 * @param <S> the module's import summary
 * @param <P> the module's import with every row
 */
public abstract class ImportPageController<S extends ImportProgress, P extends ImportWithRows<S>> {

	/**
	 * Where a module's import pages are.
	 * @param base the pages' path, e.g. {@code /admin/users/import}
	 * @param uploadView the upload page's view
	 * @param previewView the preview page's view, which also holds the fragment {@code importLinks}: the
	 * links the progress shows once the commit has finished
	 * @param messages the prefix of the import's messages, e.g. {@code identity.import}
	 * @param maxBytes the largest file the module reads
	 */
	public record Pages(String base, String uploadView, String previewView, String messages, long maxBytes) {
	}

	private final ImportService<?, S, P> imports;

	private final Pages pages;

	protected ImportPageController(ImportService<?, S, P> imports, Pages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	/** What the module's upload page shows beside the form and the latest imports. */
	protected void addUploadModel(Model model) {
	}

	@GetMapping
	public ModelAndView uploadForm(Model model) {
		return uploadPage(model, FieldErrors.none(), HttpStatus.OK);
	}

	/**
	 * Keeps the uploaded file as a preview and redirects to it; a file refused as a whole shows the
	 * upload page again with the reason (400).
	 * @param missing the message when no file was chosen
	 * @param tooLarge the message when the file is larger than {@link Pages#maxBytes()}
	 */
	protected ModelAndView upload(MultipartFile file, Model model, String missing, String tooLarge)
			throws IOException {
		try {
			byte[] content = ImportPages.content(file, this.pages.maxBytes(), missing, tooLarge);
			P preview = this.imports.upload(file.getOriginalFilename(), content);
			return new ModelAndView("redirect:" + page(preview.summary().id()));
		}
		catch (InvalidInputException ex) {
			return uploadPage(model, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	public String show(@PathVariable long id, Model model) {
		model.addAttribute("preview", this.imports.get(id));
		return this.pages.previewView();
	}

	@GetMapping("/{id:\\d+}/progress")
	public String progress(@PathVariable long id, Model model) {
		model.addAttribute("summary", this.imports.progress(id));
		model.addAttribute("importBase", this.pages.base());
		model.addAttribute("importMessages", this.pages.messages());
		model.addAttribute("importLinks", this.pages.previewView());
		return "fragments/import :: progressPartial";
	}

	@PostMapping("/{id:\\d+}/commit")
	public String commit(@PathVariable long id, RedirectAttributes redirect) {
		return ImportPages.change(() -> this.imports.commit(id), page(id), page(id), redirect);
	}

	@PostMapping("/{id:\\d+}/retry")
	public String retry(@PathVariable long id, RedirectAttributes redirect) {
		return ImportPages.change(() -> this.imports.retry(id), page(id), page(id), redirect);
	}

	@PostMapping("/{id:\\d+}/discard")
	public String discard(@PathVariable long id, RedirectAttributes redirect) {
		return ImportPages.change(() -> redirect.addFlashAttribute("discarded", this.imports.discard(id).fileName()),
				this.pages.base(), page(id), redirect);
	}

	private String page(long id) {
		return this.pages.base() + "/" + id;
	}

	private ModelAndView uploadPage(Model model, FieldErrors errors, HttpStatus status) {
		model.addAttribute("errors", errors);
		model.addAttribute("recent", this.imports.recent());
		addUploadModel(model);
		return new ModelAndView(this.pages.uploadView(), model.asMap(), status);
	}

}
