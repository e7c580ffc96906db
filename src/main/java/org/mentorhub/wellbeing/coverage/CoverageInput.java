package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;

/**
 * What a coverage request asks: for whom (an administrator names the mother; a mother asks for herself
 * and this is ignored), the proxy, the leave's dates and the handover notes.
 */
public record CoverageInput(Long motherId, Long proxyId, LocalDate startDate, LocalDate expectedEndDate,
		String notes) {
}
