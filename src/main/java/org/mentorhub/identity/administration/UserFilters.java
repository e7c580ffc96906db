package org.mentorhub.identity.administration;

import java.util.Locale;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.UserStatus;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters, sort and page of the people list as they appear in its address, so that every
 * link (sorting, paging) keeps the others and works with or without JavaScript. Values that are no
 * role, status or sortable column are ignored, as a hand-edited address may have them.
 */
record UserFilters(String query, RoleName role, Long department, UserStatus status, int page, String sortProperty,
		boolean ascending) {

	static UserFilters of(String query, String role, Long department, String status, Integer page, String sort) {
		String property = "name";
		boolean ascending = true;
		if (sort != null && !sort.isBlank()) {
			String[] parts = sort.split(",");
			if (UserAdministration.sortable(parts[0].strip())) {
				property = parts[0].strip();
				ascending = parts.length < 2 || !parts[1].strip().equalsIgnoreCase("desc");
			}
		}
		UserStatus parsedStatus = null;
		if (status != null && !status.isBlank()) {
			try {
				parsedStatus = UserStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				parsedStatus = null;
			}
		}
		String trimmedQuery = query == null || query.isBlank() ? null : query.strip();
		return new UserFilters(trimmedQuery, UserAdministration.roleOrNull(role), department, parsedStatus,
				page == null || page < 0 ? 0 : page, property, ascending);
	}

	UserAdministration.UserSearch search() {
		return new UserAdministration.UserSearch(this.query, this.role, this.department, this.status);
	}

	Sort sort() {
		return Sort.by(this.ascending ? Sort.Direction.ASC : Sort.Direction.DESC, this.sortProperty);
	}

	/** The address of another page with the same filters and sort. */
	public String pageLink(int targetPage) {
		return link(targetPage, this.sortProperty, this.ascending);
	}

	/** The address sorted by the property: ascending first, then flipping on the current column. */
	public String sortLink(String property) {
		return link(0, property, !property.equals(this.sortProperty) || !this.ascending);
	}

	/** "ascending", "descending" or "none" for the column, as {@code aria-sort} wants it. */
	public String ariaSort(String property) {
		return !property.equals(this.sortProperty) ? "none" : this.ascending ? "ascending" : "descending";
	}

	private String link(int targetPage, String property, boolean asc) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/admin/users");
		if (this.query != null) {
			builder.queryParam("query", this.query);
		}
		if (this.role != null) {
			builder.queryParam("role", this.role.name());
		}
		if (this.department != null) {
			builder.queryParam("department", this.department);
		}
		if (this.status != null) {
			builder.queryParam("status", this.status.name());
		}
		builder.queryParam("sort", property + (asc ? ",asc" : ",desc"));
		if (targetPage > 0) {
			builder.queryParam("page", targetPage);
		}
		return builder.encode().build().toUriString();
	}

}
