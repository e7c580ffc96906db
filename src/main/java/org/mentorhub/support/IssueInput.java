package org.mentorhub.support;

/** A reported issue; every part is checked by {@link SupportDesk#report}. */
public record IssueInput(String title, String description, String category, String pagePath) {
}
