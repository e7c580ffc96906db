package org.mentorhub.identity.imports;

import java.io.IOException;

import org.mentorhub.platform.imports.ImportPageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The CSV import pages: upload, the preview of every row with its problems, the choice between
 * importing the valid rows and discarding all, and the progress of the import, which htmx polls
 * every second while it runs (without JavaScript, a refresh link does the same).
 */
@Controller
@RequestMapping("/admin/users/import")
class UserImportPageController extends ImportPageController<UserImports.ImportSummary, UserImports.ImportPreview> {

	UserImportPageController(UserImports imports) {
		super(imports, new Pages("/admin/users/import", "identity/admin-import-upload", "identity/admin-import",
				"identity.import", UserImportFile.MAX_BYTES));
	}

	@PostMapping
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
			throws IOException {
		return upload(file, model, "Choose a CSV file to upload.", UserImportFile.TOO_LARGE);
	}

}
