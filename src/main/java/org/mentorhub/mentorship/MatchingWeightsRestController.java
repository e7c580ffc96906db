package org.mentorhub.mentorship;

import java.util.EnumMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.mentorship.matching.Factor;
import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the matching weights page. */
@RestController
@RequestMapping("/api/v1/matching/weights")
@Tag(name = "Matching weights", description = "The weights (0..100 each) of the six factors of the match score of "
		+ "the caller's institution: administrators only. Used by mentor suggestions and bulk assignment.")
class MatchingWeightsRestController {

	private final MatchingSettings settings;

	private final Tenancy tenancy;

	private final MessageSource messages;

	MatchingWeightsRestController(MatchingSettings settings, Tenancy tenancy, MessageSource messages) {
		this.settings = settings;
		this.tenancy = tenancy;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "Read the weights of my institution (administrator)",
			description = "The defaults (40, 25, 10, 15, 20, 10) with version 0 until an administrator saves.")
	WeightsResponse get() {
		return WeightsResponse.of(this.settings.settings(institution()));
	}

	@PutMapping
	@Operation(summary = "Change the weights of my institution (administrator)",
			description = "All six weights, whole numbers 0..100; 400 with a problem per bad field, nothing saved. "
					+ "Send the version you read: a different stored version gives 409. Audited.")
	WeightsResponse put(@RequestBody WeightsBody body) {
		long institution = institution();
		this.settings.settings(institution);
		WeightsBody b = body == null ? new WeightsBody(null, null, null, null, null, null, null) : body;
		Map<Factor, Integer> values = new EnumMap<>(Factor.class);
		putIfPresent(values, Factor.SHARED_SKILLS_AND_INTERESTS, b.sharedSkillsAndInterests());
		putIfPresent(values, Factor.AVAILABILITY_OVERLAP, b.availabilityOverlap());
		putIfPresent(values, Factor.SAME_DEPARTMENT, b.sameDepartment());
		putIfPresent(values, Factor.GOALS_AND_EXPERTISE, b.goalsAndExpertise());
		putIfPresent(values, Factor.SUPPORTS_NEW_MOTHERS, b.supportsNewMothers());
		putIfPresent(values, Factor.REMAINING_CAPACITY, b.remainingCapacity());
		MatchWeights weights = MatchingWeightsForm.of(values,
				this.messages.getMessage("matching.weights.number", null, LocaleContextHolder.getLocale()));
		return WeightsResponse.of(this.settings.update(institution, weights, b.version()));
	}

	private static void putIfPresent(Map<Factor, Integer> values, Factor factor, Integer value) {
		if (value != null) {
			values.put(factor, value);
		}
	}

	private long institution() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			throw new AccessDeniedException("Only an institution's administrators change its matching weights");
		}
		return actor.institutionId();
	}

	/** The six weights and the version to send back. */
	record WeightsBody(@Schema(example = "40", minimum = "0", maximum = "100") Integer sharedSkillsAndInterests,
			@Schema(example = "25", minimum = "0", maximum = "100") Integer availabilityOverlap,
			@Schema(example = "10", minimum = "0", maximum = "100") Integer sameDepartment,
			@Schema(example = "15", minimum = "0", maximum = "100") Integer goalsAndExpertise,
			@Schema(example = "20", minimum = "0", maximum = "100") Integer supportsNewMothers,
			@Schema(example = "10", minimum = "0", maximum = "100") Integer remainingCapacity,
			@Schema(description = "The version read; omit to overwrite whatever is stored") Long version) {
	}

	/** The weights of the institution, the version (0: defaults, nothing stored) and the highest score. */
	record WeightsResponse(long institutionId, int sharedSkillsAndInterests, int availabilityOverlap,
			int sameDepartment, int goalsAndExpertise, int supportsNewMothers, int remainingCapacity, long version,
			boolean defaults, int maxScore) {

		static WeightsResponse of(MatchingSettings.StoredWeights s) {
			MatchWeights w = s.weights();
			return new WeightsResponse(s.institutionId(), w.sharedSkillsAndInterests(), w.availabilityOverlap(),
					w.sameDepartment(), w.goalsAndExpertise(), w.supportsNewMothers(), w.remainingCapacity(),
					s.version(), s.defaults(), w.maxScore());
		}

	}

}
