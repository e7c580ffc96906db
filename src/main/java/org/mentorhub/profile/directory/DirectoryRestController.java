package org.mentorhub.profile.directory;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the people directory page. */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Directory", description = "Find mentors of your institution. Profiles that are not visible to the "
		+ "institution are listed only to administrators.")
class DirectoryRestController {

	private final Directory directory;

	DirectoryRestController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/mentors")
	@Operation(summary = "Search the mentors of your institution",
			description = "20 per page. overlapMinutes is the weekly time (UTC, this week's daylight saving) in common "
					+ "with your availability, null when you have none. 400 on a bad page, sort or too long text; "
					+ "403 without an institution.")
	DirectoryPageResponse mentors(
			@Parameter(description = "Part of the name, designation, specialisation or area of expertise")
			@RequestParam(name = "q", required = false) String text,
			@Parameter(description = "A skill tag (any case)") @RequestParam(required = false) String skill,
			@Parameter(description = "An interest tag (any case)") @RequestParam(required = false) String interest,
			@RequestParam(name = "department", required = false) Long departmentId,
			@Parameter(description = "Only mentors who accept new mentees and have a free place")
			@RequestParam(defaultValue = "false") boolean accepting,
			@Parameter(description = "Only mentors who support new mothers")
			@RequestParam(defaultValue = "false") boolean newMothers,
			@Parameter(description = "Only mentors whose weekly availability overlaps yours")
			@RequestParam(defaultValue = "false") boolean overlap,
			@Parameter(description = "NAME (default), CAPACITY or OVERLAP") @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") int page) {
		Directory.Result result = this.directory.search(new Directory.Query(text, skill, interest, departmentId,
				accepting, newMothers, overlap, sortOf(sort), page));
		return new DirectoryPageResponse(result.entries().stream().map(DirectoryMentorResponse::of).toList(),
				result.total(), result.page(), result.pageSize(), result.totalPages());
	}

	static Directory.Sort sortOf(String sort) {
		if (sort == null || sort.isBlank()) {
			return Directory.Sort.NAME;
		}
		try {
			return Directory.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("sort", "Sort by NAME, CAPACITY or OVERLAP.");
		}
	}

	/** One page of mentors; {@code page} is 1-based. */
	record DirectoryPageResponse(List<DirectoryMentorResponse> mentors, long total, int page, int pageSize,
			int totalPages) {
	}

	/** One mentor of the directory. */
	record DirectoryMentorResponse(long userId, String fullName, String department, String title, String designation,
			String specialization, String areaOfExpertise, boolean acceptingNewMentees, boolean supportsNewMothers,
			int maxMentees, int currentMenteeCount, List<String> skills, List<String> interests,
			Integer overlapMinutes) {

		static DirectoryMentorResponse of(Directory.Entry e) {
			return new DirectoryMentorResponse(e.userId(), e.fullName(), e.departmentName(), e.title(),
					e.designation(), e.specialization(), e.areaOfExpertise(), e.acceptingNewMentees(),
					e.supportsNewMothers(), e.maxMentees(), e.currentMenteeCount(), e.skills(), e.interests(),
					e.overlapMinutes());
		}

	}

}
