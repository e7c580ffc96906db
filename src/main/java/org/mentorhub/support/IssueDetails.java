package org.mentorhub.support;

import java.util.List;

/** An issue with its thread, oldest message first; internal notes only for staff. */
public record IssueDetails(IssueView issue, List<IssueMessageView> messages) {
}
