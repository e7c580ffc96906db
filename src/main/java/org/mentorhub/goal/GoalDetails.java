package org.mentorhub.goal;

import java.util.List;

/**
 * A goal with its history, oldest update first.
 * @param createdByName who created it (the owner, a mentor or staff), if the account still exists
 */
public record GoalDetails(GoalView goal, String createdByName, List<GoalUpdateView> updates) {
}
