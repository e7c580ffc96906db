package org.mentorhub.organization;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;

/**
 * The rules for an institution's fields, in one place for the page and the API: each problem is
 * reported against its field, all at once, before anything is written.
 */
final class InstitutionRules {

	/** Codes: 2 to 32 upper-case letters, digits, '-' or '_', starting with a letter or digit. */
	static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{1,31}$");

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	/** A host name of at least two labels, lower case (RFC 1123), without a leading '@'. */
	static final Pattern DOMAIN = Pattern
		.compile("^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

	static final BigDecimal MAX_GPA_SCALE = new BigDecimal("20");

	private InstitutionRules() {
	}

	/** A draft that passed the rules, normalised. */
	record Checked(String name, String code, InstitutionKind kind, String address, String contactEmail,
			String timeZone, boolean selfRegistrationEnabled, List<String> domains, boolean securityQuestionEnabled,
			boolean mentorshipApprovalRequired, int requestResponseDays, BigDecimal gpaScale) {
	}

	static Checked check(InstitutionDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = strip(draft.name());
		if (name == null || name.length() > 200) {
			problems.add(new FieldProblem("name", "Enter the institution's name (at most 200 characters)."));
		}
		String code = normalizeCode(draft.code());
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(new FieldProblem("code",
					"Enter a code of 2 to 32 letters, digits, '-' or '_', starting with a letter or digit."));
		}
		if (draft.kind() == null) {
			problems.add(new FieldProblem("kind", "Choose whether this is a university or a company."));
		}
		String address = strip(draft.address());
		if (address != null && address.length() > 500) {
			problems.add(new FieldProblem("address", "Keep the address to at most 500 characters."));
		}
		String contactEmail = strip(draft.contactEmail());
		if (contactEmail != null) {
			contactEmail = contactEmail.toLowerCase(Locale.ROOT);
			if (contactEmail.length() > 320 || !EMAIL.matcher(contactEmail).matches()) {
				problems.add(new FieldProblem("contactEmail", "Enter a valid contact e-mail address, or leave it empty."));
			}
		}
		String timeZone = strip(draft.timeZone());
		if (timeZone == null) {
			timeZone = "UTC";
		}
		else if (timeZone.length() > 64 || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
			problems.add(new FieldProblem("timeZone",
					"Enter a time zone such as Europe/London or America/New_York (a region name, not an offset)."));
		}
		boolean selfRegistration = Boolean.TRUE.equals(draft.selfRegistrationEnabled());
		List<String> domains = new ArrayList<>();
		List<String> badDomains = new ArrayList<>();
		parseDomains(draft.selfRegistrationDomains(), domains, badDomains);
		if (!badDomains.isEmpty()) {
			problems.add(new FieldProblem("selfRegistrationDomains",
					"These are not valid e-mail domains: " + String.join(", ", badDomains)
							+ ". Enter domains such as example.edu, separated by commas."));
		}
		else if (String.join(",", domains).length() > 1000) {
			problems.add(new FieldProblem("selfRegistrationDomains", "List at most 1000 characters of domains."));
		}
		else if (selfRegistration && domains.isEmpty()) {
			problems.add(new FieldProblem("selfRegistrationDomains",
					"Self-registration needs at least one e-mail domain, such as example.edu."));
		}
		int responseDays = draft.requestResponseDays() == null ? 3 : draft.requestResponseDays();
		if (responseDays < 1 || responseDays > 60) {
			problems.add(new FieldProblem("requestResponseDays", "Enter a number of days from 1 to 60."));
		}
		BigDecimal gpaScale = draft.gpaScale() == null ? new BigDecimal("4.00") : draft.gpaScale();
		if (gpaScale.signum() <= 0 || gpaScale.compareTo(MAX_GPA_SCALE) > 0 || gpaScale.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem("gpaScale", "Enter a GPA scale above 0 and at most 20, such as 4.0 or 5.0."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(name, code, draft.kind(), address, contactEmail, timeZone, selfRegistration,
				List.copyOf(domains), Boolean.TRUE.equals(draft.securityQuestionEnabled()),
				Boolean.TRUE.equals(draft.mentorshipApprovalRequired()), responseDays,
				gpaScale.setScale(2, java.math.RoundingMode.UNNECESSARY));
	}

	static String normalizeCode(String code) {
		String stripped = strip(code);
		return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
	}

	/** Splits on commas, semicolons and white space; strips a leading '@'; drops duplicates. */
	static void parseDomains(String text, List<String> valid, List<String> invalid) {
		if (text == null) {
			return;
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String part : text.split("[,;\\s]+")) {
			String domain = part.strip().toLowerCase(Locale.ROOT);
			if (domain.startsWith("@")) {
				domain = domain.substring(1);
			}
			if (domain.isEmpty() || !seen.add(domain)) {
				continue;
			}
			if (DOMAIN.matcher(domain).matches()) {
				valid.add(domain);
			}
			else {
				invalid.add(part.strip().length() > 40 ? part.strip().substring(0, 40) + "…" : part.strip());
			}
		}
	}

	/** The text stripped, or null when it is null or blank. */
	static String strip(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
