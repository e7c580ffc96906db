package org.mentorhub.integration;

import java.util.List;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the integration module holds about a person (docs/privacy.md). */
@Component
class IntegrationPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("microsoft_tokens", Erasure.DELETE,
					"The connected Microsoft account (tokens are never exported).",
					"user_id").hiding("access_token", "refresh_token", "token_key_id"),
			PersonalTable.of("microsoft_outlook_events", Erasure.DELETE,
					"The Outlook events made in the person's calendar for their sessions (event id and sync state).",
					"organiser_id"));

	IntegrationPrivacy(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	public String module() {
		return "integration";
	}

	@Override
	public String description() {
		return "The Microsoft account a person connected (its e-mail address and encrypted tokens).";
	}

	@Override
	public String legalBasis() {
		return "Consent: the person connected their Microsoft account (GDPR Art. 6(1)(a)).";
	}

	@Override
	public String retention() {
		return "Until the person disconnects or is erased.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

}
