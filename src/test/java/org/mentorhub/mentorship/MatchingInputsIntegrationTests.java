package org.mentorhub.mentorship;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.mentorship.matching.MatchingIndex;
import org.mentorhub.mentorship.matching.MenteeCandidate;
import org.mentorhub.mentorship.matching.MentorCandidate;
import org.mentorhub.mentorship.matching.WeekSlots;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-institution weights and the matching inputs read from the database. */
@MentorHubIntegrationTest
class MatchingInputsIntegrationTests {

	@Autowired
	MatchingSettings settings;

	@Autowired
	MatchingInputs inputs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	MentorshipTestSupport t;

	MatchingFixtures f;

	@BeforeEach
	void setUp() {
		this.t = new MentorshipTestSupport(this.jdbc, this.users);
		this.f = new MatchingFixtures(this.jdbc);
	}

	@Test
	void weightsAreDefaultsUntilAnAdministratorChangesThemWithAuditAndVersion() {
		Account admin = this.f.account(this.f.company(), null, RoleName.ADMIN);
		long acme = admin.institutionId();
		this.jdbc.sql("DELETE FROM institution_match_weights WHERE institution_id = :i").param("i", acme).update();
		assertThat(this.settings.weightsOf(acme)).isEqualTo(MatchWeights.DEFAULTS);
		MatchingSettings.StoredWeights stored = this.t.as(admin, () -> this.settings.settings(acme));
		assertThat(stored.version()).isZero();
		assertThat(stored.defaults()).isTrue();

		MatchWeights changed = new MatchWeights(50, 20, 0, 30, 100, 5);
		MatchingSettings.StoredWeights saved = this.t.as(admin, () -> this.settings.update(acme, changed, 0L));
		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.updatedById()).isEqualTo(admin.id());
		assertThat(this.settings.weightsOf(acme)).isEqualTo(changed);

		// A stale version: 409, nothing changes.
		MatchWeights other = new MatchWeights(1, 2, 3, 4, 5, 6);
		assertThatThrownBy(() -> this.t.as(admin, () -> this.settings.update(acme, other, 0L)))
			.isInstanceOf(StateTransitionException.class);
		assertThat(this.settings.weightsOf(acme)).isEqualTo(changed);
		MatchingSettings.StoredWeights again = this.t.as(admin, () -> this.settings.update(acme, other, 1L));
		assertThat(again.version()).isEqualTo(2);
		assertThat(this.settings.weightsOf(acme)).isEqualTo(other);

		String after = this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'MATCH_WEIGHTS_CHANGED' "
				+ "AND entity_id = :i ORDER BY id DESC LIMIT 1")
			.param("i", String.valueOf(acme))
			.query(String.class)
			.single();
		assertThat(after).contains("\"sameDepartment\":3");

		// Bad input: out of range (400 per field), missing weights.
		assertThatThrownBy(() -> new MatchWeights(101, 0, 0, 0, -1, 0)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).hasSize(2));
		assertThatThrownBy(() -> this.t.as(admin, () -> this.settings.update(acme, null, 2L)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void onlyAnAdministratorOfTheInstitutionChangesWeights() {
		Account admin = this.f.account(this.f.university(), null, RoleName.ADMIN);
		Account otherAdmin = this.f.account(this.f.company(), null, RoleName.ADMIN);
		Account coordinator = this.f.account(this.f.university(), "CS", RoleName.COORDINATOR);
		Account mentor = this.f.account(this.f.university(), "CS", RoleName.MENTOR);
		long nbu = admin.institutionId();
		MatchWeights w = new MatchWeights(10, 10, 10, 10, 10, 10);
		assertThatThrownBy(() -> this.t.as(otherAdmin, () -> this.settings.update(nbu, w, null)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.as(otherAdmin, () -> this.settings.settings(nbu)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.as(coordinator, () -> this.settings.update(nbu, w, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.t.as(mentor, () -> this.settings.update(nbu, w, null)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void inputsCarryTagsAvailabilityGoalsExpertiseCapacityAndLeaveOutTakenMentees() {
		String dept = this.f.department(this.f.university());
		long deptId = this.f.departmentId(this.f.university(), dept);
		Account mentor = this.f.mentor(this.f.university(), dept, 3, "Kotlin leadership");
		this.jdbc.sql("UPDATE mentor_profiles SET designation = 'Staff engineer', supports_new_mothers = TRUE, "
				+ "current_mentee_count = 1 WHERE user_id = :u").param("u", mentor.id()).update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, area_of_expertise) VALUES (:u, 'Public speaking')")
			.param("u", mentor.id())
			.update();
		long java = this.f.tag(mentor, "Java", "SKILL");
		long chess = this.f.tag(mentor, "Chess", "INTEREST");
		// Monday 09:00-11:00 in Berlin; the mentee: Monday 08:00-10:00 UTC.
		this.f.available(mentor, 1, 9, 11, "Europe/Berlin");
		Account mother = this.f.mentee(this.f.university(), dept, RoleName.NEW_MOTHER, "Become a kotlin lead");
		this.f.tag(mother, "Java", "SKILL");
		this.f.tag(mother, "Chess", "INTEREST");
		this.f.available(mother, 1, 8, 10, "UTC");
		Account taken = this.f.mentee(this.f.university(), dept, RoleName.MENTEE, "Anything");
		this.t.insert(mentor, taken, "ACTIVE");
		Account outside = this.f.mentee(this.f.university(), "CS", RoleName.MENTEE, "Other department");

		MatchingInputs.Pool pool = this.inputs.load(mentor.institutionId(), deptId, null);
		assertThat(pool.mentees()).extracting(MenteeCandidate::id).containsExactly(mother.id());
		MenteeCandidate m = pool.mentees().get(0);
		assertThat(m.newMother()).isTrue();
		assertThat(m.departmentId()).isEqualTo(deptId);
		assertThat(m.skills()).containsExactly((int) java);
		assertThat(m.interests()).containsExactly((int) chess);
		assertThat(m.availability().count()).isEqualTo(4);
		assertThat(m.goalTokens()).hasSize(3); // become, kotlin, lead
		MentorCandidate mp = pool.mentors().stream().filter(x -> x.id() == mentor.id()).findFirst().orElseThrow();
		assertThat(mp.capacity()).isEqualTo(3);
		assertThat(mp.currentMentees()).isEqualTo(1);
		assertThat(mp.accepting()).isTrue();
		assertThat(mp.supportsNewMothers()).isTrue();
		assertThat(mp.expertiseTokens().length).isEqualTo(6); // kotlin leadership public speaking staff engineer
		assertThat(pool.names().person(mother.id())).startsWith("Test ");
		assertThat(pool.names().tag((int) java)).isEqualTo("Java");

		// The explanation names the shared tags, the overlap and the shared goal word.
		MatchingIndex index = MatchingIndex.of(pool.mentors(), MatchWeights.DEFAULTS);
		var suggestion = index.suggest(m, 10).stream().filter(s -> s.mentor().id() == mentor.id()).findFirst().orElseThrow();
		String why = pool.names().explain(suggestion.breakdown());
		assertThat(why).contains("1 shared skill: Java").contains("Chess").contains("overlapping availability")
			.contains("same department").contains("kotlin").contains("supports new mothers");

		// A cohort: only the given ids that are free mentees of the institution.
		MatchingInputs.Pool cohort = this.inputs.load(mentor.institutionId(), null,
				List.of(mother.id(), taken.id(), outside.id(), mentor.id()));
		assertThat(cohort.mentees()).extracting(MenteeCandidate::id).containsExactlyInAnyOrder(mother.id(), outside.id());

		// For suggestions: one mentee whatever their mentorships.
		assertThat(this.inputs.mentee(mentor.institutionId(), taken.id(), new org.mentorhub.mentorship.matching.Vocabulary()))
			.isPresent();
		assertThat(this.inputs.mentee(mentor.institutionId(), mentor.id(), new org.mentorhub.mentorship.matching.Vocabulary()))
			.isEmpty();
		// The pool for suggestions: the institution's mentors only, with their names and tag names.
		MatchingInputs.MentorPool mentors = this.inputs.mentorPool(mentor.institutionId());
		assertThat(mentors.mentors()).extracting(MentorCandidate::id).contains(mentor.id()).doesNotContain(taken.id());
	}

	@Test
	void utcConversionFollowsTheZoneAndWrapsOverSundayNight() {
		java.time.LocalDate monday = java.time.LocalDate.of(2026, 1, 5);
		// Monday 00:30-01:30 in Berlin (UTC+1) = Sunday 23:30 - Monday 00:30 UTC: split in two.
		List<int[]> ranges = MatchingInputs.utcRanges(monday, 1, java.time.LocalTime.of(0, 30),
				java.time.LocalTime.of(1, 30), "Europe/Berlin");
		assertThat(ranges).hasSize(2);
		assertThat(ranges.get(0)).containsExactly(WeekSlots.MINUTES_PER_WEEK - 30, WeekSlots.MINUTES_PER_WEEK);
		assertThat(ranges.get(1)).containsExactly(0, 30);
		// Unknown zone counts as UTC.
		assertThat(MatchingInputs.utcRanges(monday, 2, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0),
				"Not/AZone").get(0)).containsExactly(24 * 60 + 600, 24 * 60 + 660);
	}

	@Test
	void loadsAFewHundredPeopleWithAHandfulOfQueries() {
		String dept = this.f.department(this.f.company());
		long deptId = this.f.departmentId(this.f.company(), dept);
		for (int i = 0; i < 40; i++) {
			Account mentor = this.f.mentor(this.f.company(), dept, 1 + i % 4, "Expertise " + i);
			this.f.tag(mentor, "Skill" + (i % 7), "SKILL");
			this.f.available(mentor, 1 + i % 5, 9, 12, "UTC");
		}
		for (int i = 0; i < 260; i++) {
			Account mentee = this.f.mentee(this.f.company(), dept, RoleName.MENTEE, "Goal " + i);
			this.f.tag(mentee, "Skill" + (i % 7), "SKILL");
			this.f.available(mentee, 1 + i % 5, 10, 11, "UTC");
		}
		long start = System.nanoTime();
		MatchingInputs.Pool pool = this.inputs.load(this.f.institutionId(this.f.company()), deptId, null);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(pool.mentees()).hasSize(260);
		assertThat(pool.mentors().stream().filter(m -> deptId == m.departmentId()).count()).isEqualTo(40);
		Map<Integer, Long> bySkill = pool.mentees().stream()
			.collect(Collectors.groupingBy(m -> m.skills().length, Collectors.counting()));
		assertThat(bySkill).containsEntry(1, 260L);
		assertThat(pool.mentees()).allSatisfy(m -> assertThat(m.availability().count()).isEqualTo(2));
		// Set-based: five queries whatever the number of people (generous bound for a shared machine).
		assertThat(millis).isLessThan(5_000);
	}

}
