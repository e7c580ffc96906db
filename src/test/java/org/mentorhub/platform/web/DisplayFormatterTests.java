package org.mentorhub.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.platform.UserDirectory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The one formatter of values in templates, with MentorHub's real messages. */
class DisplayFormatterTests {

	static final Instant NOW = Instant.parse("2026-12-09T12:00:00Z");

	final DisplayFormatter display = new DisplayFormatter(messages(), new OneZoneDirectory(ZoneId.of("Europe/Berlin")),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	enum Mode {

		IN_PERSON, ONLINE

	}

	enum SessionStatus {

		PENDING, CONFIRMED

	}

	@Test
	void aCodeIsShownByItsLabelAndNeverAsTheCode() {
		assertThat(this.display.label("PROPOSED")).isEqualTo("Proposed");
		assertThat(this.display.label("EXPIRED")).isEqualTo("No answer in time");
		assertThat(this.display.label(Mode.IN_PERSON)).isEqualTo("In person");
		assertThat(this.display.label("SIGN_IN_SUCCEEDED")).isEqualTo("Sign in succeeded");
		assertThat(this.display.label(null)).isEmpty();
	}

	@Test
	void anEnumsOwnLabelComesBeforeTheSharedStatusLabel() {
		assertThat(this.display.label(SessionStatus.PENDING)).isEqualTo("Draft");
		assertThat(this.display.label("PENDING")).isEqualTo("Pending");
		assertThat(this.display.label(SessionStatus.CONFIRMED)).isEqualTo("Confirmed");
	}

	@Test
	void aCodeThatArrivesAsANameFindsItsEnumsLabel() {
		assertThat(this.display.label("SessionStatus", "PENDING")).isEqualTo("Draft");
		assertThat(this.display.label("OnboardingStatus", "COMPLETED")).isEqualTo("Finished");
		assertThat(this.display.label("SessionStatus", SessionStatus.CONFIRMED)).isEqualTo("Confirmed");
		// No label of that enum: the shared status label, then words.
		assertThat(this.display.label("NoSuchEnum", "PENDING")).isEqualTo("Pending");
		assertThat(this.display.label("NoSuchEnum", "LOOKS_FINE")).isEqualTo("Looks fine");
		assertThat(this.display.label("SessionStatus", null)).isEmpty();
	}

	@Test
	void oneBadgeClassPerStatus() {
		assertThat(this.display.statusClass("IN_PROGRESS")).isEqualTo("status-in_progress");
		assertThat(this.display.statusClass(SessionStatus.CONFIRMED)).isEqualTo("status-confirmed");
		assertThat(this.display.statusClass(null)).isEmpty();
	}

	@Test
	void anAlertsSeverityIsABadgeOfTheStatusPaletteWithItsLabel() throws Exception {
		assertThat(this.display.statusClass("CRITICAL")).isEqualTo("status-critical");
		assertThat(this.display.statusClass("WARN")).isEqualTo("status-warn");
		assertThat(this.display.statusClass("INFO")).isEqualTo("status-info");
		assertThat(this.display.label("CRITICAL")).isEqualTo("Critical");
		assertThat(this.display.label("WARN")).isEqualTo("Warning");
		assertThat(this.display.label("INFO")).isEqualTo("Info");
		// Each has its colour in the palette: red, amber and blue as the failed, pending and open statuses.
		String css = new String(getClass().getResourceAsStream("/static/css/mentorhub.css").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ruleOf(css, ".status-critical")).isEqualTo(ruleOf(css, ".status-failed")).contains("#b02a37");
		assertThat(ruleOf(css, ".status-warn")).isEqualTo(ruleOf(css, ".status-pending")).contains("#856404");
		assertThat(ruleOf(css, ".status-info")).isEqualTo(ruleOf(css, ".status-open")).contains("#0a58ca");
	}

	/** The declarations of the CSS rule whose selector list names this class. */
	static String ruleOf(String css, String selector) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("(?:^|[,\\s])" + java.util.regex.Pattern.quote(selector) + "(?=[\\s,{])[^{]*\\{([^}]*)\\}")
			.matcher(css);
		assertThat(m.find()).as("a rule for %s", selector).isTrue();
		return m.group(1).strip();
	}

	@Test
	void anInstantIsShownInTheViewersZoneInOneFormat() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new Viewer(7), null));

		assertThat(this.display.dateTime(Instant.parse("2026-12-09T13:00:00Z"))).isEqualTo("Wed 9 Dec 2026, 14:00");
		assertThat(this.display.date(Instant.parse("2026-12-09T23:30:00Z"))).isEqualTo("Thu 10 Dec 2026");
		assertThat(this.display.time(Instant.parse("2026-12-09T13:00:00Z"))).isEqualTo("14:00");
		assertThat(this.display.dateTimeUtc(LocalDateTime.parse("2026-12-09T13:00"))).isEqualTo("Wed 9 Dec 2026, 14:00");
		assertThat(this.display.zoneNote()).isEqualTo("Times are in Europe/Berlin.");
	}

	@Test
	void aLocalTimeIsAlreadyLocalAndNobodySignedInSeesUtc() {
		assertThat(this.display.dateTime(LocalDateTime.parse("2026-12-09T13:00"))).isEqualTo("Wed 9 Dec 2026, 13:00");
		assertThat(this.display.date(LocalDate.parse("2026-12-09"))).isEqualTo("Wed 9 Dec 2026");
		assertThat(this.display.dateTime(Instant.parse("2026-12-09T13:00:00Z"))).isEqualTo("Wed 9 Dec 2026, 13:00");
		assertThat(this.display.iso(Instant.parse("2026-12-09T13:00:00.998646Z"))).isEqualTo("2026-12-09T13:00:00Z");
	}

	@Test
	void aSpanIsShownInTheOneFormatWithTheDayOnceWhenItEndsOnTheSameDay() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new Viewer(7), null));

		assertThat(this.display.dateTimeRange(Instant.parse("2026-12-09T13:00:00Z"), Instant.parse("2026-12-09T14:00:00Z")))
			.isEqualTo("Wed 9 Dec 2026, 14:00\u201315:00");
		assertThat(this.display.dateTimeRange(Instant.parse("2026-12-09T22:00:00Z"), Instant.parse("2026-12-10T00:00:00Z")))
			.isEqualTo("Wed 9 Dec 2026, 23:00 \u2013 Thu 10 Dec 2026, 01:00");
		assertThat(this.display.dateTimeRange(LocalDateTime.parse("2026-11-19T14:00"), LocalDateTime.parse("2026-11-19T15:00")))
			.isEqualTo("Thu 19 Nov 2026, 14:00\u201315:00");
		assertThat(this.display.dateTimeRange(LocalDateTime.parse("2026-11-19T14:00"), null)).isEqualTo("Thu 19 Nov 2026, 14:00");
		assertThat(this.display.dateTimeRange(null, null)).isEmpty();
	}

	@Test
	void relativeTimesSayHowFarAway() {
		assertThat(this.display.relative(NOW.plusSeconds(2 * 86_400 + 60))).isEqualTo("in 2 days");
		assertThat(this.display.relative(NOW.minusSeconds(3 * 3600))).isEqualTo("3 hours ago");
		assertThat(this.display.relative(NOW.plusSeconds(86_400))).isEqualTo("tomorrow");
		assertThat(this.display.relative(NOW.minusSeconds(86_400))).isEqualTo("yesterday");
		assertThat(this.display.relative(NOW.plusSeconds(5 * 60))).isEqualTo("in 5 minutes");
		assertThat(this.display.relative(NOW.plusSeconds(10))).isEqualTo("just now");
	}

	@Test
	void initialsIgnoreTitles() {
		assertThat(this.display.initials("Dr. Maya Singh")).isEqualTo("MS");
		assertThat(this.display.initials("Prof Ana de Souza")).isEqualTo("AS");
		assertThat(this.display.initials("emma")).isEqualTo("E");
		assertThat(this.display.initials("  ")).isEqualTo("?");
		assertThat(this.display.initials(null)).isEqualTo("?");
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/onboarding");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	record Viewer(long id) implements org.mentorhub.platform.Actor {

		@Override
		public Long institutionId() {
			return 1L;
		}

		@Override
		public Long departmentId() {
			return null;
		}

	}

	/** Everybody's zone is the one given: the only part of the directory the formatter uses. */
	record OneZoneDirectory(ZoneId zone) implements UserDirectory {

		@Override
		public Optional<Long> findIdByLogin(String login) {
			return Optional.empty();
		}

		@Override
		public Map<Long, String> emailsOf(Collection<Long> ids) {
			return Map.of();
		}

		@Override
		public ZoneId zoneOf(long id) {
			return this.zone;
		}

	}

}
