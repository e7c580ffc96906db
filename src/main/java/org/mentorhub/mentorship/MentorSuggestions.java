package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import org.mentorhub.mentorship.MentorshipPeople.Person;
import org.mentorhub.mentorship.matching.FactorScore;
import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.mentorship.matching.MatchingIndex;
import org.mentorhub.mentorship.matching.MenteeCandidate;
import org.mentorhub.mentorship.matching.MentorCandidate;
import org.mentorhub.mentorship.matching.ScoreBreakdown;
import org.mentorhub.mentorship.matching.Suggestion;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explainable mentor suggestions (issue 5, item 3): the top {@value #LIMIT} mentors of the mentee's
 * institution, scored with the institution's weights ({@link MatchingSettings}) by
 * {@link MatchingIndex}, each with its breakdown by factor and the explanation built from the facts
 * with the message bundle ({@code i18n/matching}).
 *
 * <p>Who: a mentee (role MENTEE or NEW_MOTHER) for themselves; an administrator for any mentee of
 * the institution, a coordinator for the mentees of their department (a mentee out of reach is not
 * found); anyone else is forbidden.
 *
 * <p>Hard limits exclude a mentor, never a low score: another institution (only the institution's
 * mentors are loaded), not accepting, no free place, no overlapping availability, the mentee
 * themselves. Mentors with whom the mentee already has an open or running mentorship are left out too.
 *
 * <p>The institution's mentors and their compiled index are kept per institution ({@link MentorPools}):
 * a change to a mentor's profile, availability or places made through this instance drops them, so it
 * shows at once here; other instances see it within the pool's time to live. The mentee, the weights
 * and the mentee's open mentorships are read on every call. See docs/suggestions.md.
 */
@Service
public class MentorSuggestions {

	/** How many mentors are suggested. */
	public static final int LIMIT = 10;

	private static final List<String> OPEN_OR_RUNNING = List.of("REQUESTED", "PROPOSED", "ACCEPTED", "APPROVED",
			"ACTIVE", "PAUSED");

	private final MatchingInputs inputs;

	private final MentorPools pools;

	private final MatchingSettings settings;

	private final MentorshipPeople people;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	MentorSuggestions(MatchingInputs inputs, MentorPools pools, MatchingSettings settings, MentorshipPeople people,
			Organizations organizations, Tenancy tenancy, JdbcClient jdbc, MessageSource messages) {
		this.inputs = inputs;
		this.pools = pools;
		this.settings = settings;
		this.people = people;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** Whether the signed-in caller is a mentee (role MENTEE or NEW_MOTHER). */
	static boolean isMentee(Tenancy tenancy) {
		return tenancy.hasRole("MENTEE") || tenancy.hasRole("NEW_MOTHER");
	}

	/** The caller's own suggestions: mentees only (anyone else: forbidden). */
	@Transactional(readOnly = true)
	public MentorSuggestionList forMe() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null || !isMentee(this.tenancy)) {
			throw new AccessDeniedException("Only mentees get mentor suggestions for themselves");
		}
		return suggest(actor.institutionId(), actor.id());
	}

	/**
	 * A mentee's suggestions, for an administrator (institution) or coordinator (department); a
	 * mentee asking for their own id gets {@link #forMe()}. A mentee out of reach, or someone who is
	 * not a mentee, is not found.
	 */
	@Transactional(readOnly = true)
	public MentorSuggestionList forMentee(long menteeId) {
		Actor actor = this.tenancy.actor();
		if (menteeId == actor.id() && isMentee(this.tenancy)) {
			return forMe();
		}
		if (!this.tenancy.hasRole("ADMIN") && !this.tenancy.hasRole("COORDINATOR")) {
			throw new AccessDeniedException("Only administrators and coordinators see another mentee's suggestions");
		}
		Optional<Person> mentee = this.people.find(menteeId);
		if (mentee.isEmpty()) {
			throw new NotFoundException("Mentee not found");
		}
		this.tenancy.requireInScope(mentee.get().institutionId(), mentee.get().departmentId(), "Mentee");
		if (!mentee.get().is("MENTEE") && !mentee.get().is("NEW_MOTHER")) {
			throw new NotFoundException("Mentee not found");
		}
		return suggest(mentee.get().institutionId(), menteeId);
	}

	private MentorSuggestionList suggest(long institutionId, long menteeId) {
		MentorPools.Entry kept = this.pools.of(institutionId);
		MatchingInputs.MentorPool pool = kept.pool();
		MatchingInputs.OneMentee one = this.inputs.mentee(institutionId, menteeId, pool.names().vocabulary())
			.orElseThrow(() -> new NotFoundException("Mentee not found"));
		MenteeCandidate mentee = one.candidate();
		MatchWeights weights = this.settings.weightsOf(institutionId);
		MatchingIndex index = kept.index(weights);
		int considered = (int) pool.mentors().stream()
			.filter(m -> m.accepting() && m.remainingCapacity() > 0 && m.id() != menteeId)
			.count();
		String menteeName = one.fullName();
		boolean hasAvailability = mentee.availability().count() > 0;
		if (!hasAvailability) {
			return new MentorSuggestionList(menteeId, menteeName, false, considered, weights.maxScore(), List.of());
		}
		Set<Long> leaveOut = new HashSet<>(this.jdbc
			.sql("SELECT mentor_id FROM mentorships WHERE mentee_id = :e AND status IN (:s)")
			.param("e", menteeId)
			.param("s", OPEN_OR_RUNNING)
			.query(Long.class)
			.list());
		Map<Long, String> departments = new HashMap<>();
		for (DepartmentSummary d : this.organizations.departmentsOf(institutionId)) {
			departments.put(d.id(), d.name());
		}
		Map<Long, MentorCandidate> mentors = new HashMap<>();
		pool.mentors().forEach(m -> mentors.put(m.id(), m));
		Locale locale = LocaleContextHolder.getLocale();
		List<MentorSuggestion> result = new ArrayList<>();
		for (Suggestion s : index.suggest(mentee, LIMIT, leaveOut)) {
			MentorCandidate mentor = s.mentor();
			result.add(view(result.size() + 1, mentor, s.breakdown(), weights.maxScore(), pool.names(),
					mentor.departmentId() == null ? null : departments.get(mentor.departmentId()), locale));
		}
		return new MentorSuggestionList(menteeId, menteeName, true, considered, weights.maxScore(), List.copyOf(result));
	}

	private MentorSuggestion view(int rank, MentorCandidate mentor, ScoreBreakdown b, int maxScore,
			MatchingInputs.Names names, String departmentName, Locale locale) {
		List<MentorSuggestion.FactorPoints> factors = new ArrayList<>();
		for (FactorScore f : b.factors()) {
			factors.add(new MentorSuggestion.FactorPoints(f.factor(), f.weight(), f.value(), f.points()));
		}
		List<String> skills = names(b.sharedSkills(), names::tag);
		List<String> interests = names(b.sharedInterests(), names::tag);
		List<String> words = names(b.sharedGoalWords(), names::word);
		int percent = maxScore == 0 ? 0 : (int) Math.round(100.0 * b.total() / maxScore);
		return new MentorSuggestion(rank, mentor.id(), names.person(mentor.id()), departmentName, b.total(), maxScore,
				percent, factors, skills, interests, b.overlapMinutes(), b.sameDepartment(), words,
				b.supportsNewMother(), b.remainingCapacity(), b.capacity(),
				explain(b, skills, interests, words, locale));
	}

	/** The explanation from the facts, with the message bundle: the same sentence for pages and API. */
	String explain(ScoreBreakdown b, List<String> skills, List<String> interests, List<String> words, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (!skills.isEmpty()) {
			parts.add(msg("matching.explain.skills", locale, skills.size(), String.join(", ", skills)));
		}
		if (!interests.isEmpty()) {
			parts.add(msg("matching.explain.interests", locale, interests.size(), String.join(", ", interests)));
		}
		if (b.overlapSlots() > 0) {
			int minutes = b.overlapMinutes();
			String hours = minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.valueOf(minutes / 60.0);
			parts.add(msg("matching.explain.overlap", locale, hours));
		}
		if (b.sameDepartment()) {
			parts.add(msg("matching.explain.sameDepartment", locale));
		}
		if (!words.isEmpty()) {
			parts.add(msg("matching.explain.goals", locale, String.join(", ", words)));
		}
		if (b.supportsNewMother()) {
			parts.add(msg("matching.explain.newMothers", locale));
		}
		parts.add(msg("matching.explain.places", locale, String.valueOf(b.remainingCapacity()),
				String.valueOf(b.capacity())));
		return String.join(msg("matching.explain.separator", locale), parts);
	}

	private String msg(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	private static List<String> names(int[] ids, IntFunction<String> name) {
		List<String> names = new ArrayList<>(ids.length);
		for (int id : ids) {
			names.add(name.apply(id));
		}
		return List.copyOf(names);
	}

}
