package org.mentorhub.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * The actions the modules write to the audit log, for the viewer's action filter: people choose a
 * readable label (the display bean's label of the code), the form sends the code, and the API still
 * takes any code. A module that records a new action adds its code here; AuditActionsTests fails for
 * a literal code that is missing.
 */
@Component("auditActions")
public class AuditActions {

	/** The import kit's actions of one kind of import (ImportPipeline), after its prefix. */
	private static final List<String> IMPORT_STEPS = List.of("UPLOADED", "COMMIT_STARTED", "COMMITTED", "RETRIED",
			"DISCARDED", "FAILED");

	static final SortedSet<String> CODES = codes();

	/**
	 * The known action codes in alphabetical order (so that the actions of one kind of record stand
	 * together), and the current filter's code first when it is not one of them (typed into the address,
	 * as API clients do), so that the form never drops it. The template shows each by its label.
	 */
	public List<String> choices(String current) {
		List<String> choices = new ArrayList<>(CODES);
		String code = current == null ? "" : current.strip().toUpperCase(Locale.ROOT);
		if (!code.isEmpty() && !CODES.contains(code)) {
			choices.add(0, code);
		}
		return choices;
	}

	private static SortedSet<String> codes() {
		SortedSet<String> codes = new TreeSet<>(List.of(
				// audit
				"AUDIT_EXPORTED",
				// privacy: erasure requests, legal holds, retention
				"PRIVACY_ERASURE_REQUESTED", "PRIVACY_ERASURE_CANCELLED", "PRIVACY_ERASURE_APPROVED",
				"PRIVACY_ERASURE_REFUSED", "PRIVACY_ERASURE_RETRIED", "PRIVACY_ERASURE_COMPLETED",
				"PRIVACY_LEGAL_HOLD_CHANGED", "PRIVACY_RETENTION_CHANGED",
				// identity: sign-in, account, administration, tokens, sessions
				"SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED", "SIGN_IN_LOCKOUT", "SIGN_IN_IP_BLOCKED", "SIGN_IN_REFUSED_LOCKED",
				"SSO_SIGN_IN_REFUSED", "SIGN_IN_REFUSED_SSO_ONLY", "SSO_SETTINGS_CHANGED",
				"ACCESS_DENIED", "PASSWORD_CHANGED", "PASSWORD_RESET", "PASSWORD_RESET_REQUESTED",
				"PASSWORD_RESET_ANSWER_FAILED", "EMAIL_CHANGED", "EMAIL_CHANGE_REQUESTED", "SECURITY_QUESTION_CHANGED",
				"USER_INVITED", "USER_INVITATION_RESENT", "USER_ACTIVATED", "USER_REGISTERED",
				"USER_REGISTRATION_RENEWED", "USER_UPDATED", "USER_DISABLED", "USER_ENABLED", "TOKEN_CREATED",
				"TOKEN_REVOKED", "SESSION_ENDED", "INSTITUTION_CREATED", "INSTITUTION_UPDATED", "DEPARTMENT_CREATED",
				"DEPARTMENT_UPDATED",
				// profile
				"PROFILE_UPDATED", "AVATAR_CHANGED", "AVATAR_REMOVED", "AVAILABILITY_CHANGED",
				"AVAILABILITY_ABSENCE_ADDED", "AVAILABILITY_ABSENCE_REMOVED", "STUDENT_ACADEMIC_UPDATED",
				"STUDENT_RISK_READ", "SUPPORT_PREFERENCES_UPDATED", "ACADEMIC_IMPORT_READ", "ONBOARDING_STARTED",
				"ONBOARDING_COMPLETED", "ONBOARDING_REMINDER_SENT",
				// mentorship
				"MENTORSHIP_REQUESTED", "MENTORSHIP_PROPOSED", "MENTORSHIP_ACCEPTED", "MENTORSHIP_DECLINED",
				"MENTORSHIP_APPROVED", "MENTORSHIP_REJECTED", "MENTORSHIP_WITHDRAWN", "MENTORSHIP_PAUSED",
				"MENTORSHIP_RESUMED", "MENTORSHIP_EXPIRED", "MENTORSHIP_ENDED", "MENTORSHIPS_EXPORTED",
				"MATCH_WEIGHTS_CHANGED", "BULK_ASSIGNMENT_STARTED", "BULK_ASSIGNMENT_COMMITTED",
				"BULK_ASSIGNMENT_DISCARDED",
				// session
				"SESSION_DRAFTED", "SESSION_REQUESTED", "SESSION_PROPOSED", "SESSION_CONFIRMED", "SESSION_REJECTED",
				"SESSION_RESCHEDULE_PROPOSED", "SESSION_RESCHEDULED", "SESSION_RESCHEDULE_DECLINED",
				"SESSION_CANCELLED", "SESSION_COMPLETED", "NOTE_READ", "SESSION_ATTENDANCE_READ", "SESSION_READ",
				"FEEDBACK_READ",
				// goal, learning and files
				"GOAL_READ", "LEARNING_PROGRESS_READ", "ATTACHMENT_READ",
				// alert
				"ALERT_READ", "ALERTS_EXPORTED", "ALERT_RULE_CHANGED", "ALERT_RULE_DRY_RUN",
				// calendar
				"CALENDAR_FEED_CREATED", "CALENDAR_FEED_ROTATED", "CALENDAR_FEED_REMOVED",
				// resource
				"RESOURCE_UPDATED", "RESOURCE_DELETED",
				// integration.microsoft
				"MICROSOFT_CONNECTED", "MICROSOFT_DISCONNECTED", "MICROSOFT_RECONNECT_NEEDED",
				// privacy
				"PRIVACY_EXPORT_REQUESTED", "PRIVACY_EXPORT_READY", "PRIVACY_EXPORT_DOWNLOADED", "CONSENT_WITHDRAWN",
				// report
				"REPORT_EXPORTED", "SESSIONS_EXPORTED", "REPORT_SUBSCRIBED", "REPORT_UNSUBSCRIBED"));
		for (String kind : List.of("USER_IMPORT", "ACADEMIC_IMPORT")) {
			IMPORT_STEPS.forEach(step -> codes.add(kind + "_" + step));
		}
		return Collections.unmodifiableSortedSet(codes);
	}

}
