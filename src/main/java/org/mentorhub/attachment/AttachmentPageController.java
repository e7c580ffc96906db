package org.mentorhub.attachment;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The attachments of a record on pages: {@code /attachments/{type}/{relatedId}} (the files page, and its
 * section for htmx, which the session and mentorship pages load in place), the upload and delete forms
 * (post, then back to the record's page; a refused upload shows its message beside the field with 400),
 * and the download link {@code /attachments/{id}/content}. The {@link HxRequest} twins answer only the
 * section, with 200, since htmx swaps only successful answers.
 */
@Controller
class AttachmentPageController {

	private static final String TYPE = "/attachments/{type:[A-Za-z_-]+}/{relatedId:\\d+}";

	private final AttachmentFiles files;

	AttachmentPageController(AttachmentFiles files) {
		this.files = files;
	}

	@GetMapping(TYPE)
	ModelAndView page(@PathVariable String type, @PathVariable long relatedId, Model model) {
		AttachmentSection section = this.files.section(this.files.type(type), relatedId);
		return render(model, section, FieldErrors.none(), null, false, HttpStatus.OK);
	}

	@HxRequest
	@GetMapping(TYPE)
	ModelAndView section(@PathVariable String type, @PathVariable long relatedId, Model model) {
		AttachmentSection section = this.files.section(this.files.type(type), relatedId);
		return render(model, section, FieldErrors.none(), null, true, HttpStatus.OK);
	}

	@PostMapping(TYPE)
	@RateLimited(name = AttachmentRestController.RATE_LIMIT, capacity = AttachmentRestController.RATE_CAPACITY,
			per = AttachmentRestController.RATE_PER)
	ModelAndView upload(@PathVariable String type, @PathVariable long relatedId,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String back, Model model) {
		return uploaded(type, relatedId, file, back, model, false);
	}

	@HxRequest
	@PostMapping(TYPE)
	@RateLimited(name = AttachmentRestController.RATE_LIMIT, capacity = AttachmentRestController.RATE_CAPACITY,
			per = AttachmentRestController.RATE_PER)
	ModelAndView uploadInPlace(@PathVariable String type, @PathVariable long relatedId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		return uploaded(type, relatedId, file, null, model, true);
	}

	@PostMapping("/attachments/{id:\\d+}/delete")
	ModelAndView delete(@PathVariable long id, @RequestParam(required = false) String back) {
		AttachmentSection section = this.files.delete(id);
		return new ModelAndView("redirect:" + back(section, back, "deleted"));
	}

	@HxRequest
	@PostMapping("/attachments/{id:\\d+}/delete")
	ModelAndView deleteInPlace(@PathVariable long id, Model model) {
		return render(model, this.files.delete(id), FieldErrors.none(), "deleted", true, HttpStatus.OK);
	}

	@GetMapping("/attachments/{id:\\d+}/content")
	ResponseEntity<InputStreamResource> download(@PathVariable long id) {
		return AttachmentDownload.answer(this.files.open(id));
	}

	private ModelAndView uploaded(String type, long relatedId, MultipartFile file, String back, Model model,
			boolean fragment) {
		Attachments.RelatedType related = this.files.type(type);
		try {
			this.files.upload(related, relatedId, file == null ? null : file.getOriginalFilename(),
					AttachmentDownload.stream(file));
			AttachmentSection section = this.files.section(related, relatedId);
			if (!fragment) {
				return new ModelAndView("redirect:" + back(section, back, "saved"));
			}
			return render(model, section, FieldErrors.none(), "saved", true, HttpStatus.OK);
		}
		catch (InvalidInputException ex) {
			return render(model, this.files.section(related, relatedId), FieldErrors.of(ex), null, fragment,
					HttpStatus.BAD_REQUEST);
		}
	}

	/**
	 * Back to the record's page ({@code back=record}, for pages that show the section themselves) or to the
	 * files page, with the notice: fixed words and the parent's path, never a URL from the request.
	 */
	private static String back(AttachmentSection section, String back, String notice) {
		String path = "record".equals(back) ? section.pagePath()
				: "/attachments/" + section.typeCode() + "/" + section.relatedId();
		return path + (path.contains("?") ? "&" : "?") + "files=" + notice + "#attachments";
	}

	private ModelAndView render(Model model, AttachmentSection section, FieldErrors errors, String notice,
			boolean fragment, HttpStatus status) {
		model.addAttribute("section", section);
		model.addAttribute("errors", errors);
		model.addAttribute("notice", notice);
		if (fragment) {
			return new ModelAndView("attachment/fragment :: section", model.asMap(), HttpStatus.OK);
		}
		return new ModelAndView("attachment/page", model.asMap(), status);
	}

}
