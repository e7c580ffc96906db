package org.mentorhub.profile.onboarding;

import org.springframework.web.util.UriComponentsBuilder;

/** The filters of the administrators' onboarding list (all optional; page from 1). */
record OnboardingFollowUpForm(String q, String role, String status, Integer page) {

	OnboardingFollowUps.Query toQuery() {
		return new OnboardingFollowUps.Query(this.q, this.role, this.status, this.page == null ? 1 : this.page);
	}

	/** The list's address with these filters on another page. */
	public String pageLink(int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/onboarding");
		if (this.q != null && !this.q.isBlank()) {
			uri.queryParam("q", this.q);
		}
		if (this.role != null && !this.role.isBlank()) {
			uri.queryParam("role", this.role);
		}
		if (this.status != null && !this.status.isBlank()) {
			uri.queryParam("status", this.status);
		}
		return uri.queryParam("page", page).encode().build().toUriString();
	}

	/** The list's address with these filters, on the same page. */
	public String link() {
		return pageLink(this.page == null ? 1 : this.page);
	}

}
