package org.mentorhub.support;

import org.mentorhub.platform.AbuseReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Abuse reports of messaging, resources and groups become ABUSE issues for the institution's
 * administrators, after the reporting transaction commits (retried from the event publication registry).
 */
@Component
class SupportAbuseReports {

	private final SupportDesk desk;

	SupportAbuseReports(SupportDesk desk) {
		this.desk = desk;
	}

	@ApplicationModuleListener
	void on(AbuseReported report) {
		this.desk.openAbuseReport(report);
	}

}
