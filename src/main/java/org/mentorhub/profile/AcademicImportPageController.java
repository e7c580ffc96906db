package org.mentorhub.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.imports.ImportPages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The academic data import pages: upload, the preview of every row with what it changes or its
 * problems, the choice between applying the changes and discarding all, and the progress of the
 * commit, which htmx polls every second while it runs (without JavaScript, a refresh link does the
 * same). Plus a CSV template to fill in.
 */
@Controller
@RequestMapping("/admin/academic-imports")
class AcademicImportPageController {

	private static final String PAGE = "/admin/academic-imports/";

	/** At most this many uploads per person per {@link #UPLOAD_PERIOD}, page and API together (QUALITY S14). */
	static final int UPLOADS_PER_PERIOD = 10;

	static final String UPLOAD_PERIOD = "PT1M";

	private final AcademicImports imports;

	private final MessageSource messages;

	AcademicImportPageController(AcademicImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	ModelAndView uploadForm(Model model) {
		return uploadPage(model, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	@RateLimited(name = "academic-import-upload", capacity = UPLOADS_PER_PERIOD, per = UPLOAD_PERIOD)
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
			throws IOException {
		try {
			byte[] content = ImportPages.content(file, AcademicImportFile.MAX_BYTES, text("academicImport.file.choose"),
					text("academicImport.file.tooLarge"));
			AcademicImports.ImportPreview preview = this.imports.upload(file.getOriginalFilename(), content);
			return new ModelAndView("redirect:/admin/academic-imports/" + preview.summary().id());
		}
		catch (InvalidInputException ex) {
			return uploadPage(model, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("academic-data-template.csv").build().toString())
			.body(this.imports.template().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("preview", this.imports.get(id));
		return "profile/academic-import";
	}

	@GetMapping("/{id:\\d+}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("summary", this.imports.progress(id));
		return "profile/partials/academic-import-progress :: academicImportProgress";
	}

	@PostMapping("/{id:\\d+}/commit")
	String commit(@PathVariable long id, RedirectAttributes redirect) {
		return ImportPages.change(() -> this.imports.commit(id), PAGE + id, PAGE + id, redirect);
	}

	@PostMapping("/{id:\\d+}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		return ImportPages.change(() -> this.imports.retry(id), PAGE + id, PAGE + id, redirect);
	}

	@PostMapping("/{id:\\d+}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		return ImportPages.change(() -> redirect.addFlashAttribute("discarded", this.imports.discard(id).fileName()),
				"/admin/academic-imports", PAGE + id, redirect);
	}

	private ModelAndView uploadPage(Model model, FieldErrors errors, HttpStatus status) {
		model.addAttribute("errors", errors);
		model.addAttribute("recent", this.imports.recent());
		model.addAttribute("gpaScale", this.imports.gpaScale());
		return new ModelAndView("profile/academic-import-upload", model.asMap(), status);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
