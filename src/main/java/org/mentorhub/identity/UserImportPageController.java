package org.mentorhub.identity;

import java.io.IOException;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.imports.ImportPages;
import org.springframework.http.HttpStatus;
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
 * The CSV import pages: upload, the preview of every row with its problems, the choice between
 * importing the valid rows and discarding all, and the progress of the import, which htmx polls
 * every second while it runs (without JavaScript, a refresh link does the same).
 */
@Controller
@RequestMapping("/admin/users/import")
class UserImportPageController {

	private static final String PAGE = "/admin/users/import/";

	private final UserImports imports;

	UserImportPageController(UserImports imports) {
		this.imports = imports;
	}

	@GetMapping
	ModelAndView uploadForm(Model model) {
		return uploadPage(model, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
			throws IOException {
		try {
			byte[] content = ImportPages.content(file, UserImportFile.MAX_BYTES, "Choose a CSV file to upload.",
					UserImportFile.TOO_LARGE);
			UserImports.ImportPreview preview = this.imports.upload(file.getOriginalFilename(), content);
			return new ModelAndView("redirect:/admin/users/import/" + preview.summary().id());
		}
		catch (InvalidInputException ex) {
			return uploadPage(model, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("preview", this.imports.get(id));
		return "identity/admin-import";
	}

	@GetMapping("/{id:\\d+}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("summary", this.imports.progress(id));
		return "identity/partials/admin-import-progress :: importProgress";
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
				"/admin/users/import", PAGE + id, redirect);
	}

	private ModelAndView uploadPage(Model model, FieldErrors errors, HttpStatus status) {
		model.addAttribute("errors", errors);
		model.addAttribute("recent", this.imports.recent());
		return new ModelAndView("identity/admin-import-upload", model.asMap(), status);
	}

}
