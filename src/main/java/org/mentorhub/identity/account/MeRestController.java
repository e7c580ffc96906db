package org.mentorhub.identity.account;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity", description = "The signed-in account")
class MeRestController {

	@GetMapping
	@Operation(summary = "Who am I", description = "The signed-in user's id, names, institution, department and roles.")
	MeResponse me(@AuthenticationPrincipal SignedInUser user) {
		return new MeResponse(user.id(), user.getUsername(), user.email(), user.fullName(), user.institutionId(),
				user.departmentId(), user.primaryRole(), user.roles());
	}

	/** The signed-in account. */
	record MeResponse(long id, String username, String email, String fullName, Long institutionId,
			Long departmentId, RoleName primaryRole, Set<RoleName> roles) {
	}

}
