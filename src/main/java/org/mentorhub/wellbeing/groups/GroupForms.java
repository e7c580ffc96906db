package org.mentorhub.wellbeing.groups;

/** The forms of the group pages. */
final class GroupForms {

	private GroupForms() {
	}

	/** A new group. */
	record GroupForm(String name, String description, Boolean isPrivate) {
	}

	/** A post or, with a parent, a reply. */
	record PostForm(String body, Long parentId) {
	}

	/** Why a post is reported (may be empty). */
	record ReportForm(String reason) {
	}

}
