package org.mentorhub.profile.availability;

import java.util.List;

/**
 * The availability page's form: the zone and the ticked grid cells, each {@code day-HH:mm} (day 1
 * Monday to 7 Sunday) for the half hour starting then.
 */
record AvailabilityForm(String zone, List<String> cells, String version) {
}
