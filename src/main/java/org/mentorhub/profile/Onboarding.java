package org.mentorhub.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.ProfileRelations.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding wizard of the signed-in person: one list of steps per role (see
 * {@link OnboardingStep#forRoles}), each saved (or skipped) on its own, resumed on the first step not
 * yet done, and finished once every step is done. Every method acts on the caller's own onboarding
 * only: no method takes another person's id. Saving reuses the checks of {@link Profiles} and
 * {@link Availabilities}, so bad input is refused field by field (400) with nothing written.
 * A platform administrator, who has no institution and no profile, has no wizard (403).
 */
@Service
public class Onboarding {

	static final int MAX_SUPPORT_NOTES = 500;

	private final Profiles profiles;

	private final Availabilities availabilities;

	private final UserProfileRepository userProfiles;

	private final StudentProfileRepository students;

	private final ProfileRelations people;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	Onboarding(Profiles profiles, Availabilities availabilities, UserProfileRepository userProfiles,
			StudentProfileRepository students, ProfileRelations people, JdbcClient jdbc, Tenancy tenancy, AuditTrail audit,
			Clock clock) {
		this.profiles = profiles;
		this.availabilities = availabilities;
		this.userProfiles = userProfiles;
		this.students = students;
		this.people = people;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/** The caller's progress. */
	@Transactional(readOnly = true)
	public OnboardingProgress progress() {
		return progressOf(me());
	}

	/** The caller's progress while they have not finished (for the home page's banner); empty once finished. */
	@Transactional(readOnly = true)
	public Optional<OnboardingProgress> unfinished() {
		if (this.tenancy.currentActor().map(a -> a.institutionId() == null).orElse(true)) {
			return Optional.empty();
		}
		OnboardingProgress progress = progress();
		return progress.completed() ? Optional.empty() : Optional.of(progress);
	}

	/** Step {@code number} (1-based) of the caller's wizard with its stored values; 404 for a step they do not have. */
	@Transactional
	public OnboardingStepView step(int number) {
		Person me = me();
		OnboardingProgress progress = progressOf(me);
		OnboardingStep step = stepOf(progress, number);
		return switch (step) {
			case ABOUT -> {
				ProfileView v = this.profiles.mine();
				yield new OnboardingStepView(number, step, progress,
						new OnboardingAnswers(v.title(), v.phone(), v.bio(),
								v.preferredCommunication() == null ? null : v.preferredCommunication().name(), null,
								null, null, null, null, null, null, null, null, null, null, null),
						null, null, null);
			}
			case GOALS -> {
				ProfileView v = this.profiles.mine();
				yield new OnboardingStepView(number, step, progress, new OnboardingAnswers(null, null, null, null,
						v.goalsText(), v.interests(), null, null, null, null, null, null, null, null, null, null), null,
						null, null);
			}
			case ACADEMIC -> new OnboardingStepView(number, step, progress, OnboardingAnswers.none(),
					this.profiles.mine().student(), null, null);
			case SUPPORT -> {
				SupportPreferences s = supportPreferences(me.id());
				yield new OnboardingStepView(number, step, progress,
						new OnboardingAnswers(null, null, null, null, null, null,
								s.topics().stream().map(Enum::name).toList(), s.wantsMotherMentor(), s.notes(), null,
								null, null, null, null, null, null),
						null, null, null);
			}
			case MENTORING -> {
				ProfileView.Mentor m = this.profiles.mine().mentor();
				yield new OnboardingStepView(number, step, progress,
						m == null ? OnboardingAnswers.none()
								: new OnboardingAnswers(null, null, null, null, null, null, null, null, null,
										m.designation(), m.specialization(), m.maxMentees(), m.acceptingNewMentees(),
										m.supportsNewMothers(), null, null),
						null, m, null);
			}
			case AVAILABILITY -> {
				WeeklyAvailability week = this.availabilities.mine();
				yield new OnboardingStepView(number, step, progress, new OnboardingAnswers(null, null, null, null,
						null, null, null, null, null, null, null, null, null, null, week.zone().getId(),
						week.slots()
							.stream()
							.map(s -> new AvailabilitySlotInput(s.day().getValue(), s.start().toString(),
									s.end().toString()))
							.toList()),
						null, null, week);
			}
		};
	}

	/**
	 * Saves step {@code number} of the caller's wizard and marks it done. The first saved (or
	 * skipped) step moves NOT_STARTED to IN_PROGRESS; a finished wizard stays finished.
	 */
	@Transactional
	public OnboardingProgress saveStep(int number, OnboardingAnswers answers) {
		Person me = me();
		OnboardingStep step = stepOf(progressOf(me), number);
		OnboardingAnswers a = answers == null ? OnboardingAnswers.none() : answers;
		try {
			switch (step) {
				case ABOUT -> {
					ProfileView v = this.profiles.mine();
					this.profiles.updateMine(with(v, a.title(), a.phone(), a.bio(), a.preferredCommunication(),
							v.goalsText(), v.interests(), null));
				}
				case GOALS -> {
					ProfileView v = this.profiles.mine();
					this.profiles.updateMine(with(v, v.title(), v.phone(), v.bio(), communication(v), a.goalsText(),
							a.interests() == null ? List.of() : a.interests(), null));
				}
				case ACADEMIC -> {
					// Read only: the student confirms what the coordinator entered.
				}
				case SUPPORT -> saveSupport(me.id(), a);
				case MENTORING -> {
					ProfileView v = this.profiles.mine();
					String style = v.mentor() == null ? null : v.mentor().mentorshipStyle();
					this.profiles.updateMine(with(v, v.title(), v.phone(), v.bio(), communication(v), v.goalsText(),
							v.interests(), new MentorChanges(a.designation(), a.specialization(), style, a.maxMentees(),
									a.acceptingNewMentees(), a.supportsNewMothers())));
				}
				case AVAILABILITY -> this.availabilities.replaceMine(
						WeeklyAvailability.parse(a.zone(), a.slots() == null ? List.of() : a.slots()));
			}
		}
		catch (InvalidInputException ex) {
			// The mentor fields are nested in the profile ("mentor.maxMentees"), flat in the wizard.
			throw new InvalidInputException(ex.problems()
				.stream()
				.map(p -> new FieldProblem(p.field().replaceFirst("^mentor\\.", ""), p.message()))
				.toList());
		}
		return pass(me, number);
	}

	/** Marks step {@code number} done without saving anything. */
	@Transactional
	public OnboardingProgress skipStep(int number) {
		Person me = me();
		stepOf(progressOf(me), number);
		return pass(me, number);
	}

	/** Finishes the caller's onboarding once every step is done (409 before); finishing again changes nothing. */
	@Transactional
	public OnboardingProgress complete() {
		Person me = me();
		OnboardingProgress before = progressOf(me);
		// As stored (microseconds), so that finishing again answers the same.
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		UserProfile profile = this.userProfiles.findById(me.id()).orElseGet(() -> UserProfile.blank(me.id(), now));
		boolean wasCompleted = profile.getOnboardingStatus() == OnboardingStatus.COMPLETED;
		profile.completeOnboarding(before.totalSteps(), now);
		this.userProfiles.saveAndFlush(profile);
		if (!wasCompleted) {
			this.audit.record(AuditRecord.change("ONBOARDING_COMPLETED", "user_profiles", me.id(),
					Map.of("status", before.status().name()), Map.of("status", OnboardingStatus.COMPLETED.name())));
		}
		return progressOf(me);
	}

	/** A person's support preferences (none chosen: empty), for matching and the wellbeing features. */
	@Transactional(readOnly = true)
	public SupportPreferences supportPreferencesOf(long userId) {
		return supportPreferences(userId);
	}

	/** The progress of the person, computed from their roles, student record and stored progress. */
	OnboardingProgress progressOf(Person person) {
		List<OnboardingStep> steps = OnboardingStep.forRoles(person.roles(), this.students.existsById(person.id()));
		UserProfile profile = this.userProfiles.findById(person.id()).orElse(null);
		OnboardingStatus status = profile == null ? OnboardingStatus.NOT_STARTED : profile.getOnboardingStatus();
		int done = profile == null ? 0 : profile.getOnboardingStep();
		return OnboardingProgress.of(status, done, steps, profile == null ? null : profile.getOnboardingCompletedAt());
	}

	private OnboardingProgress pass(Person me, int number) {
		Instant now = this.clock.instant();
		UserProfile profile = this.userProfiles.findById(me.id()).orElseGet(() -> UserProfile.blank(me.id(), now));
		OnboardingStatus before = profile.getOnboardingStatus();
		profile.passOnboardingStep(number, now);
		this.userProfiles.saveAndFlush(profile);
		if (before == OnboardingStatus.NOT_STARTED) {
			this.audit.record(AuditRecord.change("ONBOARDING_STARTED", "user_profiles", me.id(),
					Map.of("status", before.name()), Map.of("status", profile.getOnboardingStatus().name())));
		}
		return progressOf(me);
	}

	private Person me() {
		long institutionId = this.tenancy.institutionId();
		Person me = this.people.find(this.tenancy.actor().id())
			.orElseThrow(() -> new NotFoundException("Account not found"));
		if (me.institutionId() == null || me.institutionId() != institutionId) {
			throw new NotFoundException("Account not found");
		}
		return me;
	}

	private static OnboardingStep stepOf(OnboardingProgress progress, int number) {
		if (number < 1 || number > progress.totalSteps()) {
			throw new NotFoundException("Your onboarding has no step " + number + " (it has " + progress.totalSteps()
					+ ").");
		}
		return progress.steps().get(number - 1);
	}

	private static String communication(ProfileView v) {
		return v.preferredCommunication() == null ? null : v.preferredCommunication().name();
	}

	/** The whole current profile with the wizard's fields replaced, as {@link Profiles#updateMine} takes it. */
	private static ProfileChanges with(ProfileView v, String title, String phone, String bio, String communication,
			String goals, List<String> interests, MentorChanges mentor) {
		return new ProfileChanges(v.firstName(), v.lastName(), title, phone, bio, v.position(), v.organization(),
				v.yearsOfExperience(), v.areaOfExpertise(), communication, goals, v.visibility().name(), v.skills(),
				interests, mentor, v.student() == null ? null : v.student().program(),
				v.student() == null ? null : v.student().yearOfStudy(), null);
	}

	private SupportPreferences supportPreferences(long userId) {
		record Row(boolean wantsMotherMentor, String notes) {
		}
		Row row = this.jdbc.sql("SELECT wants_mother_mentor, notes FROM support_preferences WHERE user_id = :u")
			.param("u", userId)
			.query(Row.class)
			.optional()
			.orElse(null);
		List<SupportTopic> topics = this.jdbc
			.sql("SELECT topic FROM support_preference_topics WHERE user_id = :u")
			.param("u", userId)
			.query(String.class)
			.list()
			.stream()
			.map(SupportTopic::valueOf)
			.sorted()
			.toList();
		if (row == null) {
			return new SupportPreferences(topics, false, null);
		}
		return new SupportPreferences(topics, row.wantsMotherMentor(), row.notes());
	}

	private void saveSupport(long userId, OnboardingAnswers a) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<SupportTopic> topics = new LinkedHashSet<>();
		for (String name : a.supportTopics() == null ? List.<String>of() : a.supportTopics()) {
			if (name == null || name.isBlank()) {
				continue;
			}
			try {
				topics.add(SupportTopic.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("supportTopics", "Choose topics from the list: "
						+ String.join(", ", java.util.Arrays.stream(SupportTopic.values()).map(Enum::name).toList())
						+ "."));
				break;
			}
		}
		String notes = Profiles.strip(a.supportNotes());
		if (notes != null && notes.length() > MAX_SUPPORT_NOTES) {
			problems.add(new FieldProblem("supportNotes", "Enter at most " + MAX_SUPPORT_NOTES + " characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		SupportPreferences before = supportPreferences(userId);
		boolean wants = a.wantsMotherMentor() == null ? before.wantsMotherMentor() : a.wantsMotherMentor();
		Instant now = this.clock.instant();
		java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
		int updated = this.jdbc
			.sql("UPDATE support_preferences SET wants_mother_mentor = :w, notes = :n, updated_at = :at WHERE user_id = :u")
			.param("w", wants)
			.param("n", notes)
			.param("at", at)
			.param("u", userId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO support_preferences (user_id, wants_mother_mentor, notes, created_at, updated_at) "
						+ "VALUES (:u, :w, :n, :at, :at)")
				.param("u", userId)
				.param("w", wants)
				.param("n", notes)
				.param("at", at)
				.update();
		}
		this.jdbc.sql("DELETE FROM support_preference_topics WHERE user_id = :u").param("u", userId).update();
		for (SupportTopic topic : topics) {
			this.jdbc.sql("INSERT INTO support_preference_topics (user_id, topic) VALUES (:u, :t)")
				.param("u", userId)
				.param("t", topic.name())
				.update();
		}
		SupportPreferences after = supportPreferences(userId);
		if (!after.equals(before)) {
			// The note is hers alone: the audit log keeps the choices, not the text.
			this.audit.record(AuditRecord.change("SUPPORT_PREFERENCES_UPDATED", "support_preferences", userId,
					auditState(before), auditState(after)));
		}
	}

	private static Map<String, Object> auditState(SupportPreferences p) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("topics", p.topics().stream().map(Enum::name).toList());
		state.put("wantsMotherMentor", p.wantsMotherMentor());
		state.put("notesGiven", p.notes() != null);
		return state;
	}

}
