package org.mentorhub.identity.administration;

/**
 * The people list's address as it is bound ({@code GET /admin/users?query=&role=&department=&status=&page=&sort=}):
 * {@link UserFilters} makes the filters of it. A department or page that is not a number is refused
 * with 400, as before; an unknown role, status or sort column is ignored.
 */
record UserFilterForm(String query, String role, Long department, String status, Integer page, String sort) {

	UserFilters filters() {
		return UserFilters.of(this.query, this.role, this.department, this.status, this.page, this.sort);
	}

}
