package org.mentorhub.calendar;

/**
 * A service provider interface of the calendar module: an outside calendar that already carries a
 * session's invitation to a participant, so that the {@code .ics} mail does not put the session into
 * that person's calendar a second time (docs/microsoft-365.md). integration.microsoft provides one: when
 * the organiser (the mentor) has connected Microsoft 365, the Outlook event and the meeting request
 * Exchange sends to its attendees carry the session to both participants. Without a bean, every
 * participant gets the mail.
 */
public interface OutsideCalendarInvitations {

	/**
	 * Whether the outside calendar carries the invitation of a session organised by {@code organiserId}
	 * to {@code participantId} (the organiser or the other participant).
	 */
	boolean carries(long organiserId, long participantId);

}
