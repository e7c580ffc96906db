package org.mentorhub.mentorship;

import org.mentorhub.platform.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Suggested mentors: a mentee's own top 10 with the reasons and a link to request the mentor; with
 * {@code ?mentee=ID} an administrator's (institution) or coordinator's (department) view of a
 * mentee's top 10 with a link to propose. An administrator or coordinator without {@code mentee} gets a
 * mentee picker (unless they are a mentee themselves).
 */
@Controller
class MentorSuggestionPageController {

	private final MentorSuggestions suggestions;

	private final Mentorships mentorships;

	private final Tenancy tenancy;

	MentorSuggestionPageController(MentorSuggestions suggestions, Mentorships mentorships, Tenancy tenancy) {
		this.suggestions = suggestions;
		this.mentorships = mentorships;
		this.tenancy = tenancy;
	}

	@GetMapping("/mentorships/suggestions")
	String suggestions(@RequestParam(required = false) Long mentee, Model model) {
		boolean manager = this.tenancy.hasRole("ADMIN") || this.tenancy.hasRole("COORDINATOR");
		boolean self = mentee == null || mentee == this.tenancy.actor().id();
		if (self && manager && !MentorSuggestions.isMentee(this.tenancy)) {
			model.addAttribute("mentees", this.mentorships.menteeOptions());
			model.addAttribute("result", null);
			model.addAttribute("forOther", true);
			return "matching/suggestions";
		}
		MentorSuggestionList result = self ? this.suggestions.forMe() : this.suggestions.forMentee(mentee);
		model.addAttribute("result", result);
		model.addAttribute("forOther", !self);
		if (manager) {
			model.addAttribute("mentees", this.mentorships.menteeOptions());
		}
		return "matching/suggestions";
	}

}
