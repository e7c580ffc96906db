package org.mentorhub.platform.web;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which groups of links the page layout shows to the signed-in user, worked out once per page from
 * the user's authorities ({@code th:with="nav=${@navigation.of(#authentication)}"} in
 * {@code layout.html}). It replaces a dozen {@code sec:authorize} expressions, each of which built a
 * security evaluation context and evaluated SpEL on every page: 8% of a page's CPU.
 */
@Component("navigation")
public class NavigationMenu {

	/** The menu of this authentication; the empty menu for nobody or an anonymous visitor. */
	public Menu of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Menu.NONE;
		}
		Set<String> granted = new HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			granted.add(authority.getAuthority());
		}
		return Menu.of(granted);
	}

	/**
	 * The groups of the main menu, each named after the links it guards in the layout.
	 *
	 * @param signedIn anybody signed in: the menu is shown at all
	 * @param member a member of an institution (everyone but the platform administrator): profile,
	 * directory, sessions, availability
	 * @param platformAdmin the platform administrator: institutions
	 * @param admin an institution's administrator: people, departments, matching
	 * @param manager administrators and coordinators: managing mentorships, alerts, onboarding follow-up
	 * @param mentorOnly a mentor who manages nothing: my mentees
	 * @param menteeOnly a mentee (or new mother) who neither mentors nor manages: my mentor, goals
	 * @param newMother a new mother: wellbeing
	 * @param academicImports who may import academic data (student risk)
	 * @param api who finds the API documentation in the menu
	 * @param audit who may read the audit log
	 * @param tokens who may create personal access tokens
	 */
	public record Menu(boolean signedIn, boolean member, boolean platformAdmin, boolean admin, boolean manager,
			boolean mentorOnly, boolean menteeOnly, boolean newMother, boolean academicImports, boolean api,
			boolean audit, boolean tokens) {

		static final Menu NONE = new Menu(false, false, false, false, false, false, false, false, false, false,
				false, false);

		static Menu of(Set<String> granted) {
			boolean platformAdmin = granted.contains("ROLE_PLATFORM_ADMIN");
			boolean admin = granted.contains("ROLE_ADMIN");
			boolean manager = admin || granted.contains("ROLE_COORDINATOR");
			boolean mentor = granted.contains("ROLE_MENTOR");
			boolean newMother = granted.contains("ROLE_NEW_MOTHER");
			boolean mentee = granted.contains("ROLE_MENTEE") || newMother;
			return new Menu(true, !platformAdmin, platformAdmin, admin, manager, mentor && !manager,
					mentee && !manager && !mentor, newMother, granted.contains("STUDENT_RISK_WRITE"),
					admin || platformAdmin, granted.contains("AUDIT_READ"), granted.contains("API_TOKEN"));
		}

	}

}
