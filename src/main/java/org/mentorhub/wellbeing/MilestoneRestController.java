package org.mentorhub.wellbeing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the milestone pages. */
@RestController
@RequestMapping("/api/v1/milestones")
@Tag(name = "Milestones", description = "A new mother's private milestone timeline. Only she keeps and changes her "
		+ "milestones; she shares each one with her active mentors or not. For everybody else (administrators "
		+ "included) a milestone is 404.")
class MilestoneRestController {

	private final Milestones milestones;

	MilestoneRestController(Milestones milestones) {
		this.milestones = milestones;
	}

	/** A new or changed milestone. */
	record MilestoneRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "PREGNANCY", "LEAVE_START", "BIRTH",
					"CHILDCARE", "HEALTH", "RETURN_TO_WORK", "CAREER", "OTHER" }) String type,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Milestones.MAX_TITLE) String title,
			@Schema(maxLength = Milestones.MAX_NOTES) String notes,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date",
					description = "Within 3 years of today") LocalDate date,
			@Schema(description = "Whether her active mentors may see it; false when left out") Boolean sharedWithMentor) {

		MilestoneInput input() {
			return new MilestoneInput(this.type, this.title, this.notes, this.date, this.sharedWithMentor);
		}

	}

	@GetMapping
	@Operation(summary = "Your timeline", description = "What comes next (days until the next milestone, your next "
			+ "leave and your return to work), then upcoming and past milestones. Empty unless you are a new mother.")
	MilestoneTimeline timeline() {
		return this.milestones.keepsMilestones() ? this.milestones.timeline()
				: new MilestoneTimeline(LocalDate.now(), List.of(), List.of(), List.of());
	}

	@GetMapping("/shared")
	@Operation(summary = "Milestones your mentees share with you", description = "Latest first; only those of mentees of "
			+ "an active mentorship that they chose to share.")
	List<MilestoneView> shared() {
		return this.milestones.sharedWithMe();
	}

	@PostMapping
	@Operation(summary = "Add a milestone", description = "For new mothers (403 otherwise). 400 for an unknown type, an "
			+ "empty or too long title, or a date more than 3 years from today.")
	ResponseEntity<MilestoneView> create(@RequestBody(required = false) MilestoneRequest body) {
		MilestoneView created = this.milestones.create(body == null ? null : body.input());
		return ResponseEntity.created(URI.create("/api/v1/milestones/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A milestone", description = "Yours, or one a mentee shares with you; 404 otherwise.")
	MilestoneView get(@PathVariable long id) {
		return this.milestones.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a milestone", description = "Only your own (404 otherwise); 400 for bad input.")
	MilestoneView edit(@PathVariable long id, @RequestBody(required = false) MilestoneRequest body) {
		return this.milestones.edit(id, body == null ? null : body.input());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a milestone", description = "Only your own (404 otherwise).")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.milestones.delete(id);
		return ResponseEntity.noContent().build();
	}

}
