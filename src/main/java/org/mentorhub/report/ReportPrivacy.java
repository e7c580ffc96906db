package org.mentorhub.report;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the report module holds about a person (docs/privacy.md): their dashboard e-mail subscriptions. */
@Component
class ReportPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("report_subscriptions", Erasure.DELETE,
					"The program dashboard e-mails the person subscribed to (scope, kind of program, frequency, when last sent); deleted on erasure.",
					"owner_id"));

	ReportPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "report";
	}

	@Override
	public String description() {
		return "An administrator's or coordinator's subscriptions to the program dashboard by e-mail. The dashboards "
				+ "themselves hold aggregates only, computed from the other modules when asked.";
	}

	@Override
	public String legalBasis() {
		return "Legitimate interest / public task in running the mentoring program (GDPR Art. 6(1)(e)/(f)); the person asked for the e-mails.";
	}

	@Override
	public String retention() {
		return "Until the person unsubscribes or the account is erased.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
