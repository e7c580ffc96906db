package org.mentorhub.platform.imports;

import java.io.IOException;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every import's page and REST controllers do alike: take the uploaded file, and change an import's state. */
public final class ImportPages {

	private ImportPages() {
	}

	/**
	 * The content of the uploaded file (400 for the field {@code file}, with the module's messages, when
	 * it is missing, empty or larger than {@code maxBytes}).
	 */
	public static byte[] content(MultipartFile file, long maxBytes, String missing, String tooLarge)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", missing);
		}
		if (file.getSize() > maxBytes) {
			throw new InvalidInputException("file", tooLarge);
		}
		return file.getBytes();
	}

	/**
	 * Changes an import's state (commit, retry, discard) and redirects to {@code done}; a change the
	 * import's state refuses (409) redirects to {@code refusedPage} with the reason as {@code refused}.
	 */
	public static String change(Runnable change, String done, String refusedPage, RedirectAttributes redirect) {
		try {
			change.run();
			return "redirect:" + done;
		}
		catch (StateTransitionException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
			return "redirect:" + refusedPage;
		}
	}

}
