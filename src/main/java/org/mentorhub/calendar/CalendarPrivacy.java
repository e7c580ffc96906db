package org.mentorhub.calendar;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the calendar module holds about a person (docs/privacy.md). */
@Component
class CalendarPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("calendar_feed_tokens", Erasure.DELETE,
					"The calendar feed the person created (the token hash is never exported).",
					"user_id").hiding("token_hash"));

	CalendarPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "calendar";
	}

	@Override
	public String description() {
		return "The private calendar feed link of a person (only its hash is stored).";
	}

	@Override
	public String legalBasis() {
		return "Contract: the person asked for a calendar feed (GDPR Art. 6(1)(b)).";
	}

	@Override
	public String retention() {
		return "Until the person revokes the feed or is erased.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
