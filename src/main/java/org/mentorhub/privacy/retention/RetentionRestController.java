package org.mentorhub.privacy.retention;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the retention page. */
@RestController
@RequestMapping("/api/v1/privacy/retention")
@Tag(name = "Privacy: retention", description = "How long each kind of data is kept, and what the purge job last removed.")
class RetentionRestController {

	private final RetentionSettings settings;

	RetentionRestController(RetentionSettings settings) {
		this.settings = settings;
	}

	/** A new period: 1 to 36,500 days, or null to keep the data for ever. */
	record RetentionChange(@Schema(nullable = true, minimum = "1", maximum = "36500") Integer days) {
	}

	@GetMapping
	@Operation(summary = "Every retention rule with its period in force (administrators)")
	List<RetentionSettings.Setting> list() {
		return this.settings.settings();
	}

	@PutMapping("/{key}")
	@Operation(summary = "Change a rule's period (platform administrators)",
			description = "400 for a period out of range or a rule the purge does not enforce; 404 for an unknown rule.")
	RetentionSettings.Setting change(@PathVariable String key, @RequestBody(required = false) RetentionChange body) {
		return this.settings.change(key, body == null ? null : body.days());
	}

}
