package org.mentorhub.profile.availability;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.profile.Availabilities;
import org.mentorhub.profile.AvailabilityAbsence;
import org.mentorhub.profile.AvailabilitySlotInput;
import org.mentorhub.profile.WeeklyAvailability;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the availability page: the caller's own weekly slots and absences. */
@RestController
@RequestMapping("/api/v1/availability/me")
@Tag(name = "Availability", description = "Your weekly availability in your own time zone, and dated "
		+ "exceptions (holidays, leave). Only your own: there is no way to name another person.")
class AvailabilityRestController {

	private final Availabilities availabilities;

	AvailabilityRestController(Availabilities availabilities) {
		this.availabilities = availabilities;
	}

	@GetMapping
	@Operation(summary = "Read your weekly availability",
			description = "Slots by day (1 Monday to 7 Sunday) and start, in your zone.")
	AvailabilityResponse mine() {
		return AvailabilityResponse.of(this.availabilities.mine());
	}

	@PutMapping
	@Operation(summary = "Replace your weekly availability",
			description = "The slots replace all your slots. An unknown zone, a day outside 1–7, a slot that ends "
					+ "before it starts or is empty, or two overlapping slots of one day answer 400 with an "
					+ "`errors` list (fields `zone`, `slots[i]`), and nothing is saved. With the `version` you read, "
					+ "a week changed in between answers 409.")
	AvailabilityResponse replace(@RequestBody AvailabilityRequest request) {
		return AvailabilityResponse.of(this.availabilities
			.replaceMine(WeeklyAvailability.parse(request.zone(), request.slots() == null ? List.of() : request.slots()
				.stream()
				.map(s -> s == null ? null : new AvailabilitySlotInput(s.day(), s.start(), s.end()))
				.toList()), request.version()));
	}

	@GetMapping("/exceptions")
	@Operation(summary = "List your absences", description = "Earliest first.")
	List<AbsenceResponse> absences() {
		return this.availabilities.myAbsences().stream().map(AbsenceResponse::of).toList();
	}

	@PostMapping("/exceptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an absence",
			description = "Days from `startsOn` to `endsOn`, both included, at most 366 days. An end before the "
					+ "start answers 400 with the field.")
	ResponseEntity<AbsenceResponse> addAbsence(@RequestBody AbsenceRequest request) {
		AvailabilityAbsence added = this.availabilities.addMyAbsence(request.startsOn(), request.endsOn(),
				request.reason());
		return ResponseEntity.created(URI.create("/api/v1/availability/me/exceptions/" + added.id()))
			.body(AbsenceResponse.of(added));
	}

	@DeleteMapping("/exceptions/{id}")
	@Operation(summary = "Remove an absence", description = "Someone else's absence answers 404.")
	ResponseEntity<Void> removeAbsence(@PathVariable long id) {
		this.availabilities.removeMyAbsence(id);
		return ResponseEntity.noContent().build();
	}

	/** A weekly slot. */
	record SlotBody(@Schema(example = "1", minimum = "1", maximum = "7") Integer day,
			@Schema(example = "09:00") String start, @Schema(example = "11:30") String end) {
	}

	/** The whole weekly availability. */
	record AvailabilityRequest(@Schema(example = "Europe/London") String zone, List<SlotBody> slots,
			@Schema(description = "The version you read (optional): if the week changed since, 409 and nothing is saved.")
			String version) {
	}

	/** The weekly availability with its total. */
	record AvailabilityResponse(String zone, List<SlotBody> slots, long weeklyMinutes, String version) {

		static AvailabilityResponse of(WeeklyAvailability week) {
			return new AvailabilityResponse(week.zone().getId(),
					week.slots()
						.stream()
						.map(s -> new SlotBody(s.day().getValue(), s.start().toString(), s.end().toString()))
						.toList(),
					week.weeklyMinutes(), week.version());
		}

	}

	/** A new absence. */
	record AbsenceRequest(@Schema(example = "2026-12-24", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate startsOn,
			@Schema(example = "2027-01-02", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate endsOn, @Schema(example = "Holidays", maxLength = 200) String reason) {
	}

	/** An absence. */
	record AbsenceResponse(long id, LocalDate startsOn, LocalDate endsOn, String reason) {

		static AbsenceResponse of(AvailabilityAbsence a) {
			return new AbsenceResponse(a.id(), a.startsOn(), a.endsOn(), a.reason());
		}

	}

}
