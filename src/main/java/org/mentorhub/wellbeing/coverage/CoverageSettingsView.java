package org.mentorhub.wellbeing.coverage;

import java.util.List;

/**
 * An institution's leave-coverage settings: whether an administrator must approve each request, the
 * support group a returning mother joins (none when null), and the return-to-work plan she is offered
 * (one step a line).
 */
public record CoverageSettingsView(boolean approvalRequired, Long returnersGroupId, List<String> returnPlan) {

	static final CoverageSettingsView DEFAULTS = new CoverageSettingsView(false, null, List.of());

}
