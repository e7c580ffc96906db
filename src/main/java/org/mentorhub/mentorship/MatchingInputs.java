package org.mentorhub.mentorship;

import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mentorhub.mentorship.matching.MenteeCandidate;
import org.mentorhub.mentorship.matching.MentorCandidate;
import org.mentorhub.mentorship.matching.ScoreBreakdown;
import org.mentorhub.mentorship.matching.Vocabulary;
import org.mentorhub.mentorship.matching.WeekSlots;
import org.mentorhub.profile.UtcWeek;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the matching algorithm's inputs ({@link MentorCandidate}s and {@link MenteeCandidate}s) of one
 * institution from the database, with a handful of set-based queries (no query per person): the
 * mentors, the mentees, all tags, all availability slots and the tag names of the institution.
 * It reads identity's and profile's published views ({@code identity_people},
 * {@code identity_person_roles}, {@code profile_*}, ADR 0003), never their tables; no authorization
 * here: callers check the scope.
 *
 * <ul>
 * <li>Mentors: ACTIVE users of the institution with the MENTOR role and a mentor profile (capacity
 * {@code max_mentees}, {@code current_mentee_count}, {@code accepting_new_mentees},
 * {@code supports_new_mothers}); expertise = specialization + area of expertise + designation.</li>
 * <li>Mentees: ACTIVE users with the MENTEE or NEW_MOTHER role and no running (ACTIVE, PAUSED) or open
 * (REQUESTED, PROPOSED, ACCEPTED, APPROVED) mentorship; goals = {@code profile_aims.goals_text};
 * new mother = has the NEW_MOTHER role.</li>
 * <li>Tags: {@code profile_person_tags} kind SKILL / INTEREST, the tag id as an {@code int}.</li>
 * <li>Availability: {@code profile_weekly_availability} (ISO day, local start and end, zone) placed in the UTC
 * week that contains today (the injected clock), so daylight saving time is that of the current
 * week, as {@code profile.directory.DirectoryOverlap} does; a slot crossing Sunday night UTC wraps.</li>
 * </ul>
 */
@Component
class MatchingInputs {

	private static final String OPEN_OR_RUNNING = "'REQUESTED', 'PROPOSED', 'ACCEPTED', 'APPROVED', 'ACTIVE', 'PAUSED'";

	private final JdbcClient jdbc;

	private final Clock clock;

	MatchingInputs(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Names for explanations: people, tags and the words of the run's vocabulary. */
	record Names(Map<Long, String> people, Map<Integer, String> tags, Vocabulary vocabulary) {

		String person(long id) {
			return this.people.getOrDefault(id, "#" + id);
		}

		String tag(int id) {
			return this.tags.getOrDefault(id, "#" + id);
		}

		String word(int id) {
			return this.vocabulary.word(id);
		}

		/** The English explanation of a score, for example: 3 shared skills: Java, …; 6 h of overlapping availability. */
		String explain(ScoreBreakdown breakdown) {
			return breakdown.explain(this::tag, this::tag, this::word);
		}

	}

	/** Everything a matching run of one institution needs. */
	record Pool(long institutionId, List<MentorCandidate> mentors, List<MenteeCandidate> mentees, Names names) {
	}

	/**
	 * The institution's mentors and the mentees to match: all of the institution's free mentees, or
	 * those of one department, or only the given ids (a cohort; ids of other institutions, non-mentees
	 * and mentees with an open or running mentorship are left out: compare with the ids asked for).
	 */
	@Transactional(readOnly = true)
	Pool load(long institutionId, Long departmentId, Collection<Long> cohort) {
		Set<Long> only = cohort == null ? null : new HashSet<>(cohort);
		Vocabulary vocabulary = new Vocabulary();
		Map<Long, Facts> facts = facts(institutionId, "1 = 1", null);
		Map<Long, String> names = new HashMap<>();
		List<MentorCandidate> mentors = mentors(institutionId, facts, vocabulary, names);
		List<MenteeCandidate> mentees = new ArrayList<>();
		for (MenteeRow row : menteeRows(institutionId, departmentId, true, null)) {
			if (only != null && !only.contains(row.id())) {
				continue;
			}
			names.put(row.id(), row.fullName());
			mentees.add(mentee(institutionId, row, facts, vocabulary));
		}
		return new Pool(institutionId, mentors, mentees, new Names(names, tagNames(institutionId), vocabulary));
	}

	/**
	 * The institution's mentors, for suggestions: what {@link MentorPools} keeps per institution. The
	 * vocabulary goes on growing with the goal words of the mentees scored against the pool.
	 */
	@Transactional(readOnly = true)
	MentorPool mentorPool(long institutionId) {
		Vocabulary vocabulary = new Vocabulary();
		Map<Long, Facts> facts = facts(institutionId, hasRole("'MENTOR'"), null);
		Map<Long, String> names = new HashMap<>();
		List<MentorCandidate> mentors = mentors(institutionId, facts, vocabulary, names);
		return new MentorPool(institutionId, List.copyOf(mentors), new Names(Map.copyOf(names),
				Map.copyOf(tagNames(institutionId)), vocabulary));
	}

	/** An institution's mentors and their names, for suggestions; immutable but for the vocabulary's growth. */
	record MentorPool(long institutionId, List<MentorCandidate> mentors, Names names) {
	}

	/** A mentee to score against a pool: the candidate, tokenised with the pool's vocabulary, and the name. */
	record OneMentee(MenteeCandidate candidate, String fullName) {
	}

	/**
	 * One active mentee of the institution (whatever their mentorships), for suggestions, with goal words
	 * of the given vocabulary (the pool's); empty when the id is not an active mentee of the institution.
	 */
	@Transactional(readOnly = true)
	java.util.Optional<OneMentee> mentee(long institutionId, long menteeId, Vocabulary vocabulary) {
		Map<Long, Facts> facts = facts(institutionId, "u.id = :m", menteeId);
		return menteeRows(institutionId, null, false, menteeId).stream()
			.findFirst()
			.map(row -> new OneMentee(mentee(institutionId, row, facts, vocabulary), row.fullName()));
	}

	// ---------------------------------------------------------------- queries

	private record MenteeRow(long id, String fullName, Long departmentId, String goals, boolean newMother) {
	}

	/** Tags and availability of one user. */
	private static final class Facts {

		final List<Integer> skills = new ArrayList<>();

		final List<Integer> interests = new ArrayList<>();

		final List<int[]> ranges = new ArrayList<>();

	}

	private static String hasRole(String roles) {
		return "(EXISTS (SELECT 1 FROM identity_person_roles pr WHERE pr.user_id = u.id AND pr.role IN (" + roles + ")))";
	}

	private List<MentorCandidate> mentors(long institutionId, Map<Long, Facts> facts, Vocabulary vocabulary,
			Map<Long, String> names) {
		List<MentorCandidate> mentors = new ArrayList<>();
		this.jdbc.sql("""
				SELECT u.id, u.full_name, u.department_id, mp.specialization, up.area_of_expertise, mp.designation,
				       mp.supports_new_mothers, mp.max_mentees, mp.current_mentee_count, mp.accepting_new_mentees
				FROM identity_people u JOIN profile_mentor_capacities mp ON mp.user_id = u.id
				LEFT JOIN profile_aims up ON up.user_id = u.id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND """ + hasRole("'MENTOR'") + " ORDER BY u.id")
			.param("i", institutionId)
			.query((rs, n) -> {
				long id = rs.getLong(1);
				names.put(id, rs.getString(2));
				Facts f = facts.getOrDefault(id, new Facts());
				String expertise = join(rs.getString(4), rs.getString(5), rs.getString(6));
				mentors.add(new MentorCandidate(id, institutionId, rs.getObject(3, Long.class), ints(f.skills),
						ints(f.interests), slots(f), vocabulary.tokens(expertise), rs.getBoolean(7),
						Math.max(0, rs.getInt(8)), Math.max(0, rs.getInt(9)), rs.getBoolean(10)));
				return id;
			})
			.list();
		return mentors;
	}

	private List<MenteeRow> menteeRows(long institutionId, Long departmentId, boolean freeOnly, Long menteeId) {
		String sql = """
				SELECT u.id, u.full_name, u.department_id, up.goals_text, """ + hasRole("'NEW_MOTHER'") + """

				FROM identity_people u LEFT JOIN profile_aims up ON up.user_id = u.id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND (:d IS NULL OR u.department_id = :d)
				  AND """ + hasRole("'MENTEE', 'NEW_MOTHER'") + (menteeId == null ? "" : " AND u.id = :m")
				+ (freeOnly ? " AND NOT EXISTS (SELECT 1 FROM mentorships m WHERE m.mentee_id = u.id AND m.status IN ("
						+ OPEN_OR_RUNNING + "))" : "")
				+ " ORDER BY u.id";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("i", institutionId)
			.param("d", departmentId, java.sql.Types.BIGINT);
		if (menteeId != null) {
			statement = statement.param("m", menteeId);
		}
		return statement.query((rs, n) -> new MenteeRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
					rs.getBoolean(5)))
			.list();
	}

	/**
	 * Tags and availability of the active users of the institution that {@code who} (a condition on
	 * {@code u}, with {@code :m} bound to {@code userId} when given) selects: two queries.
	 */
	private Map<Long, Facts> facts(long institutionId, String who, Long userId) {
		Map<Long, Facts> facts = new HashMap<>();
		bind(this.jdbc.sql("""
				SELECT ut.user_id, ut.tag_id, ut.kind FROM profile_person_tags ut JOIN identity_people u ON u.id = ut.user_id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND""" + " " + who), institutionId, userId)
			.query((rs, n) -> {
				Facts f = facts.computeIfAbsent(rs.getLong(1), id -> new Facts());
				int tag = Math.toIntExact(rs.getLong(2));
				("SKILL".equals(rs.getString(3)) ? f.skills : f.interests).add(tag);
				return null;
			})
			.list();
		LocalDate monday = LocalDate.now(this.clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		bind(this.jdbc.sql("""
				SELECT s.user_id, s.day_of_week, s.start_time, s.end_time, s.time_zone
				FROM profile_weekly_availability s JOIN identity_people u ON u.id = s.user_id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' AND""" + " " + who), institutionId, userId)
			.query((rs, n) -> {
				Facts f = facts.computeIfAbsent(rs.getLong(1), id -> new Facts());
				Time start = rs.getTime(3);
				Time end = rs.getTime(4);
				if (start != null && end != null) {
					f.ranges.addAll(utcRanges(monday, rs.getInt(2), start.toLocalTime(), end.toLocalTime(), rs.getString(5)));
				}
				return null;
			})
			.list();
		return facts;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, long institutionId, Long userId) {
		statement = statement.param("i", institutionId);
		return userId == null ? statement : statement.param("m", userId);
	}

	private Map<Integer, String> tagNames(long institutionId) {
		Map<Integer, String> names = new HashMap<>();
		this.jdbc.sql("SELECT id, name FROM profile_tags WHERE institution_id = :i")
			.param("i", institutionId)
			.query((rs, n) -> names.put(Math.toIntExact(rs.getLong(1)), rs.getString(2)))
			.list();
		return names;
	}

	// ---------------------------------------------------------------- conversions

	private static MenteeCandidate mentee(long institutionId, MenteeRow row, Map<Long, Facts> facts, Vocabulary vocabulary) {
		Facts f = facts.getOrDefault(row.id(), new Facts());
		return new MenteeCandidate(row.id(), institutionId, row.departmentId(), ints(f.skills), ints(f.interests), slots(f),
				vocabulary.tokens(row.goals()), row.newMother());
	}

	/** A local weekly slot as UTC minute ranges of the week of {@code monday} ({@link UtcWeek#ranges}). */
	static List<int[]> utcRanges(LocalDate monday, int dayOfWeek, LocalTime start, LocalTime end, String timeZone) {
		return UtcWeek.ranges(monday, dayOfWeek, start, end, timeZone);
	}

	private static WeekSlots slots(Facts f) {
		return f.ranges.isEmpty() ? WeekSlots.EMPTY : WeekSlots.ofMinuteRanges(f.ranges.toArray(int[][]::new));
	}

	private static int[] ints(List<Integer> list) {
		return list.stream().mapToInt(Integer::intValue).toArray();
	}

	private static String join(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				text.append(part).append(' ');
			}
		}
		return text.toString();
	}

}
