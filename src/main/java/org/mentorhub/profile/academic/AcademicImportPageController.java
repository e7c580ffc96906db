package org.mentorhub.profile.academic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.imports.ImportPageController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The academic data import pages: upload, the preview of every row with what it changes or its
 * problems, the choice between applying the changes and discarding all, and the progress of the
 * commit, which htmx polls every second while it runs (without JavaScript, a refresh link does the
 * same). Plus a CSV template to fill in.
 */
@Controller
@RequestMapping("/admin/academic-imports")
class AcademicImportPageController
		extends ImportPageController<AcademicImports.ImportSummary, AcademicImports.ImportPreview> {

	/** At most this many uploads per person per {@link #UPLOAD_PERIOD}, page and API together (QUALITY S14). */
	static final int UPLOADS_PER_PERIOD = 10;

	static final String UPLOAD_PERIOD = "PT1M";

	private final AcademicImports imports;

	private final MessageSource messages;

	AcademicImportPageController(AcademicImports imports, MessageSource messages) {
		super(imports, new Pages("/admin/academic-imports", "profile/academic-import-upload", "profile/academic-import",
				"academicImport", AcademicImportFile.MAX_BYTES));
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping
	@RateLimited(name = "academic-import-upload", capacity = UPLOADS_PER_PERIOD, per = UPLOAD_PERIOD)
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
			throws IOException {
		return upload(file, model, text("academicImport.file.choose"), text("academicImport.file.tooLarge"));
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("academic-data-template.csv").build().toString())
			.body(this.imports.template().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	protected void addUploadModel(Model model) {
		model.addAttribute("gpaScale", this.imports.gpaScale());
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
