package org.mentorhub.organization;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the department pages: the caller's institution only (permission DEPARTMENT_MANAGE). */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments", description = "The departments of your institution (administrator, permission "
		+ "DEPARTMENT_MANAGE). Another institution's department answers 404.")
class DepartmentRestController {

	private final DepartmentAdministration administration;

	DepartmentRestController(DepartmentAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "List departments", description = "By name, each with its number of members.")
	List<DepartmentResponse> list() {
		return this.administration.list().stream().map(DepartmentResponse::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a department")
	DepartmentResponse get(@PathVariable long id) {
		return DepartmentResponse.of(this.administration.get(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a department",
			description = "The code is unique in the institution; a taken code answers 400 with the field.")
	ResponseEntity<DepartmentResponse> create(@RequestBody DepartmentRequest request) {
		DepartmentSummary created = this.administration.create(request.name(), request.code());
		return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id()))
			.body(DepartmentResponse.of(this.administration.get(created.id())));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename a department or change its code",
			description = "Absent fields stay as they are. Send the version you read to get 409 instead of "
					+ "overwriting a concurrent change.")
	DepartmentResponse update(@PathVariable long id, @RequestBody DepartmentRequest request) {
		this.administration.update(id, request.name(), request.code(), request.version());
		return DepartmentResponse.of(this.administration.get(id));
	}

	/** A new department, or the changes to one. */
	record DepartmentRequest(@Schema(example = "Computer Science", maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(example = "CS", pattern = "^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$", requiredMode = Schema.RequiredMode.REQUIRED) String code,
			@Schema(minimum = "0", description = "The version read (changes only)") Long version) {
	}

	/** A department with its number of members. */
	record DepartmentResponse(long id, String name, String code, long members, long version) {

		static DepartmentResponse of(DepartmentOverview d) {
			return new DepartmentResponse(d.id(), d.name(), d.code(), d.members(), d.version());
		}

	}

}
