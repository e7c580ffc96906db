package org.mentorhub.integration.microsoft;

import org.mentorhub.calendar.OutsideCalendarInvitations;
import org.springframework.stereotype.Component;

/**
 * The rule that keeps a session out of anyone's calendar twice (docs/microsoft-365.md): when the
 * organiser (the mentor) has an active Microsoft 365 connection, the Outlook event in their calendar and
 * the meeting request Exchange sends to the mentee carry the session, so the calendar module mails
 * the {@code .ics} invitation to neither of them. Either may still download the {@code .ics} from the
 * session page, and the organiser sees a failed Outlook event with a retry.
 */
@Component
class OutlookInvitationRule implements OutsideCalendarInvitations {

	private final MicrosoftConnections connections;

	OutlookInvitationRule(MicrosoftConnections connections) {
		this.connections = connections;
	}

	@Override
	public boolean carries(long organiserId, long participantId) {
		return this.connections.active(organiserId);
	}

}
