package org.mentorhub.organization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstitutionRulesTests {

	static InstitutionDraft aDraft(String code, String timeZone, Boolean selfRegistration, String domains) {
		return new InstitutionDraft(" Northbridge College ", code, InstitutionKind.UNIVERSITY, "", " Office@NB.example ",
				timeZone, selfRegistration, domains, null, true, 14, new BigDecimal("4.0"), null);
	}

	@Test
	void normalisesCodeDomainsAndContactAddress() {
		InstitutionRules.Checked checked = InstitutionRules
			.check(aDraft(" nb-col ", "Europe/Dublin", true, "@NB.example, students.nb.example;nb.example"));

		assertThat(checked.name()).isEqualTo("Northbridge College");
		assertThat(checked.code()).isEqualTo("NB-COL");
		assertThat(checked.contactEmail()).isEqualTo("office@nb.example");
		assertThat(checked.address()).isNull();
		assertThat(checked.domains()).containsExactly("nb.example", "students.nb.example");
		assertThat(checked.securityQuestionEnabled()).isFalse();
		assertThat(checked.gpaScale()).isEqualByComparingTo("4.00");
	}

	@Test
	void refusesOffsetsAndUnknownZonesButTakesRegions() {
		assertThat(InstitutionRules.check(aDraft("NB", "America/Argentina/Buenos_Aires", false, null)).timeZone())
			.isEqualTo("America/Argentina/Buenos_Aires");
		for (String zone : new String[] { "+02:00", "GMT+2", "Europe/Atlantis", "x".repeat(65) }) {
			assertThatThrownBy(() -> InstitutionRules.check(aDraft("NB", zone, false, null)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
							.containsExactly("timeZone"));
		}
	}

	@Test
	void tellsWhichDomainsAreInvalid() {
		List<String> valid = new ArrayList<>();
		List<String> invalid = new ArrayList<>();
		InstitutionRules.parseDomains("good.example, localhost, -bad.example, a..b, ok.co.uk, über.example", valid, invalid);

		assertThat(valid).containsExactly("good.example", "ok.co.uk");
		assertThat(invalid).containsExactly("localhost", "-bad.example", "a..b", "über.example");
	}

	@Test
	void selfRegistrationNeedsADomain() {
		assertThatThrownBy(() -> InstitutionRules.check(aDraft("NB", "UTC", true, "  ")))
			.hasMessageContaining("needs at least one e-mail domain");
		assertThat(InstitutionRules.check(aDraft("NB", "UTC", false, "")).domains()).isEmpty();
	}

	@Test
	void codesHaveTwoToThirtyTwoSafeCharacters() {
		for (String bad : new String[] { "A", "-AB", "A B", "ÄB", "A".repeat(33), "" }) {
			assertThatThrownBy(() -> InstitutionRules.check(aDraft(bad, "UTC", false, null)))
				.as(bad)
				.isInstanceOf(InvalidInputException.class);
		}
		assertThat(InstitutionRules.check(aDraft("a_1", "UTC", false, null)).code()).isEqualTo("A_1");
	}

}
