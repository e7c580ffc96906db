package org.mentorhub.report.program;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports are streamed asynchronously ({@code StreamingResponseBody}), so the servlet container's async
 * timeout bounds how long one may take: Tomcat's own default of 30 s cut a 1,000,000-row export off
 * mid-file, with a 200 already sent (bench/reports/run.sh found it). The application sets one hour; the
 * benchmark proves a full export completes (docs/reports.md, "Speed").
 */
@MentorHubIntegrationTest
class ReportExportTimeoutIntegrationTests {

	@Autowired
	WebMvcProperties mvc;

	@Test
	void streamedExportsMayRunForAnHour() {
		assertThat(this.mvc.getAsync().getRequestTimeout()).isEqualTo(Duration.ofHours(1));
	}

}
