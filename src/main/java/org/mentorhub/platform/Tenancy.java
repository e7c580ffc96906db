package org.mentorhub.platform;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one tenancy mechanism every module uses in its service methods. Every record belongs to an
 * institution; a caller reads and writes only inside their own, and a coordinator (who is not also
 * an administrator) only inside their own department. A record outside the caller's scope is
 * reported as not found, so that nothing leaks about it. A platform administrator has no
 * institution scope: they manage institutions but read none of their members' data.
 */
@Component
public class Tenancy {

	/** The part of an institution a caller may see: the whole institution, or one department. */
	public record Scope(long institutionId, Long departmentId) {

		/** Whether the scope is the whole institution. */
		public boolean wholeInstitution() {
			return this.departmentId == null;
		}

		/**
		 * The department as a query parameter: 0 for the whole institution, for a clause such as
		 * {@code (:department = 0 OR x.department_id = :department)}.
		 */
		public long departmentOrZero() {
			return this.departmentId == null ? 0L : this.departmentId;
		}

	}

	/** The signed-in actor, if any. */
	public Optional<Actor> currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? Optional.of(actor)
				: Optional.empty();
	}

	/** The signed-in actor; fails when nobody is signed in. */
	public Actor actor() {
		return currentActor()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is signed in"));
	}

	/** Whether the signed-in actor holds the role ({@code ADMIN}, {@code COORDINATOR}, ...). */
	public boolean hasRole(String role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		String authority = "ROLE_" + role;
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/** The caller's scope; a caller without an institution (platform administrator) has none. */
	public Scope scope() {
		Actor actor = actor();
		if (actor.institutionId() == null) {
			throw new AccessDeniedException("This needs an institution member");
		}
		boolean departmentOnly = hasRole("COORDINATOR") && !hasRole("ADMIN");
		if (departmentOnly && actor.departmentId() == null) {
			// A coordinator is scoped to a department; without one they see nothing, not everything.
			throw new AccessDeniedException("A coordinator needs a department");
		}
		return new Scope(actor.institutionId(), departmentOnly ? actor.departmentId() : null);
	}

	/** The caller's institution. */
	public long institutionId() {
		return scope().institutionId();
	}

	/** Fails with "not found" unless the record's institution is the caller's. */
	public void requireInstitution(Long recordInstitutionId, String what) {
		if (recordInstitutionId == null || recordInstitutionId != institutionId()) {
			throw new NotFoundException(what + " not found");
		}
	}

	/**
	 * Fails with "not found" unless the record is in the caller's scope: their institution and, for
	 * a coordinator, their department.
	 */
	public void requireInScope(Long recordInstitutionId, Long recordDepartmentId, String what) {
		Scope scope = scope();
		boolean inInstitution = recordInstitutionId != null && recordInstitutionId == scope.institutionId();
		boolean inDepartment = scope.wholeInstitution()
				|| (recordDepartmentId != null && recordDepartmentId.equals(scope.departmentId()));
		if (!inInstitution || !inDepartment) {
			throw new NotFoundException(what + " not found");
		}
	}

}
