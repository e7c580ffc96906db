package org.mentorhub.platform;

import java.util.Objects;
import java.util.Set;

/**
 * One link of the page layout's navigation, contributed by the module that owns the page as a bean
 * (a {@code @Bean NavigationEntry} in the module's {@code *Navigation} configuration), so that a new
 * module adds its links without editing the shared layout. The layout shows an entry to a signed-in
 * user who holds at least one authority of {@code anyOf} (any signed-in user when it is empty) and
 * none of {@code noneOf}.
 *
 * @param group where the entry is listed
 * @param id a stable id, rendered as {@code nav-<id>} (tests and the style guide find links by it)
 * @param labelKey the message key of the label
 * @param icon the Bootstrap Icons name, without its {@code bi-} prefix
 * @param path the link, relative to the context path; may carry a query ({@code /mentorships/manage?status=ACCEPTED})
 * @param anyOf the authorities of which the user needs one; empty: everybody signed in
 * @param noneOf the authorities that hide the entry (a manager does not see "My mentor")
 * @param order the position within the group, smallest first
 */
public record NavigationEntry(Group group, String id, String labelKey, String icon, String path, Set<String> anyOf,
		Set<String> noneOf, int order) {

	/** The roles of an institution's members: everybody except the platform administrator. */
	public static final Set<String> MEMBERS = Set.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_MENTOR", "ROLE_MENTEE",
			"ROLE_NEW_MOTHER");

	/** Administrators and coordinators: who manages mentoring in an institution or a department. */
	public static final Set<String> MANAGERS = Set.of("ROLE_ADMIN", "ROLE_COORDINATOR");

	public NavigationEntry {
		Objects.requireNonNull(group, "group");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(labelKey, "labelKey");
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/") || path.startsWith("//") || path.contains("#")) {
			throw new IllegalArgumentException("A navigation path is a local page without an anchor: " + path);
		}
		anyOf = Set.copyOf(anyOf);
		noneOf = Set.copyOf(noneOf);
	}

	/** An entry for everyone who holds one of {@code anyOf} (everyone signed in when empty). */
	public static NavigationEntry of(Group group, String id, String labelKey, String icon, String path, int order,
			Set<String> anyOf) {
		return new NavigationEntry(group, id, labelKey, icon, path, anyOf, Set.of(), order);
	}

	/** A copy of this entry hidden from the holders of any of {@code authorities}. */
	public NavigationEntry unless(Set<String> authorities) {
		return new NavigationEntry(this.group, this.id, this.labelKey, this.icon, this.path, this.anyOf, authorities,
				this.order);
	}

	/** Whether a user with these authorities sees the entry. */
	public boolean visibleTo(Set<String> granted) {
		if (!this.anyOf.isEmpty() && this.anyOf.stream().noneMatch(granted::contains)) {
			return false;
		}
		return this.noneOf.stream().noneMatch(granted::contains);
	}

	/**
	 * The groups of the navigation, by what people do, in the order they are shown. {@link #ACCOUNT}
	 * is the user menu (account, security, tokens, sign-out) and not part of the main navigation.
	 */
	public enum Group {

		/** The home page, above the groups and without a heading. */
		HOME,
		/** Sessions, mentorships, action items. */
		MENTORING,
		/** Goals and learning. */
		GROWTH,
		/** The directory, people and groups. */
		COMMUNITY,
		/** Wellbeing and help. */
		SUPPORT,
		/** Running an institution or the platform. */
		ADMINISTRATION,
		/** The user menu. */
		ACCOUNT;

		/** The message key of the group's heading. */
		public String labelKey() {
			return "layout.nav.group." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
