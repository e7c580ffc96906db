package org.mentorhub.profile.avatar;

import org.mentorhub.profile.Avatars;
import org.mentorhub.profile.PreferredCommunication;
import org.mentorhub.profile.ProfileForm;
import org.mentorhub.profile.ProfileView;
import org.mentorhub.profile.ProfileVisibility;
import org.mentorhub.profile.Profiles;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.Tenancy;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The avatar on the profile pages: upload and remove (forms on the edit page, errors shown there),
 * and the picture itself at {@code /people/{userId}/avatar}.
 */
@Controller
class AvatarPageController {

	/** One upload budget for the page and the API: 10 uploads, refilled over 10 minutes (QUALITY S14). */
	static final String RATE_LIMIT = "avatar-upload";

	static final int RATE_CAPACITY = 10;

	static final String RATE_PER = "PT10M";

	private final Avatars avatars;

	private final Profiles profiles;

	private final Tenancy tenancy;

	AvatarPageController(Avatars avatars, Profiles profiles, Tenancy tenancy) {
		this.avatars = avatars;
		this.profiles = profiles;
		this.tenancy = tenancy;
	}

	@PostMapping("/profile/avatar")
	@RateLimited(name = RATE_LIMIT, capacity = RATE_CAPACITY, per = RATE_PER)
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		return upload(this.tenancy.actor().id(), file, model, redirect, "redirect:/profile/edit");
	}

	@PostMapping("/profile/avatar/delete")
	ModelAndView remove(RedirectAttributes redirect) {
		return remove(this.tenancy.actor().id(), redirect, "redirect:/profile/edit");
	}

	/** An administrator's upload for a person of the institution, from that person's edit page. */
	@PostMapping("/people/{userId:\\d+}/avatar")
	@RateLimited(name = RATE_LIMIT, capacity = RATE_CAPACITY, per = RATE_PER)
	ModelAndView uploadFor(@PathVariable long userId, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		return upload(userId, file, model, redirect, "redirect:/people/" + userId + "/edit");
	}

	@PostMapping("/people/{userId:\\d+}/avatar/delete")
	ModelAndView removeFor(@PathVariable long userId, RedirectAttributes redirect) {
		return remove(userId, redirect, "redirect:/people/" + userId + "/edit");
	}

	private ModelAndView upload(long userId, MultipartFile file, Model model, RedirectAttributes redirect,
			String done) {
		try {
			this.avatars.replace(userId, AvatarRestController.stream(file));
			redirect.addFlashAttribute("avatarSaved", true);
			return new ModelAndView(done);
		}
		catch (InvalidInputException ex) {
			ProfileView person = this.profiles.view(userId);
			model.addAttribute("profile", person);
			model.addAttribute("form", ProfileForm.of(person));
			model.addAttribute("errors", FieldErrors.of(ex));
			model.addAttribute("communications", PreferredCommunication.values());
			model.addAttribute("visibilities", ProfileVisibility.values());
			return new ModelAndView("profile/edit", model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView remove(long userId, RedirectAttributes redirect, String done) {
		this.avatars.remove(userId);
		redirect.addFlashAttribute("avatarRemoved", true);
		return new ModelAndView(done);
	}

	@GetMapping("/people/{userId:\\d+}/avatar")
	ResponseEntity<InputStreamResource> download(@PathVariable long userId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return AvatarDownload.answer(this.avatars, userId, ifNoneMatch);
	}

}
