package org.mentorhub.profile.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.PersonNames;
import org.mentorhub.profile.ProfileVisibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people directory: the mentors of the caller's institution, searched by name or text and
 * filtered by skill, interest, department, accepting new mentees, supporting new mothers and weekly
 * availability overlap with the caller. Every query is bound to the caller's institution. Profiles
 * whose visibility is not INSTITUTION (PRIVATE, MENTORSHIPS) are listed only to administrators.
 * <p>
 * A page costs a fixed number of queries, whatever its size: without the overlap filter or sort a
 * count, the page, the tags of its people, the caller's slots and the slots of its people (5); with
 * them the matching candidates' slots (one query over all matches, at most {@value #MAX_CANDIDATES}
 * people), the caller's slots, the page and its tags (4).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class Directory {

	/** People per page. */
	public static final int PAGE_SIZE = 20;

	/** The most people the overlap filter or sort looks at. */
	static final int MAX_CANDIDATES = 10_000;

	static final int MAX_TEXT = 100;

	/** How the results are ordered. */
	public enum Sort {

		/** By name, A to Z. */
		NAME,
		/** Most free places first (max mentees minus current mentees). */
		CAPACITY,
		/** Most weekly minutes of availability in common with the caller first. */
		OVERLAP

	}

	/**
	 * What to look for. Empty values mean "any".
	 * @param text part of the name, designation, specialisation or area of expertise
	 * @param skill a skill tag's name (any case)
	 * @param interest an interest tag's name (any case)
	 * @param accepting only mentors who accept new mentees
	 * @param supportsNewMothers only mentors who support new mothers
	 * @param overlap only mentors with at least one minute of weekly availability in common with the caller
	 * @param page 1-based
	 */
	public record Query(String text, String skill, String interest, Long departmentId, boolean accepting,
			boolean supportsNewMothers, boolean overlap, Sort sort, int page) {

		public Query {
			text = trim(text);
			skill = trim(skill);
			interest = trim(interest);
			sort = sort == null ? Sort.NAME : sort;
		}

		private static String trim(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	/**
	 * One mentor.
	 * @param overlapMinutes weekly minutes in common with the caller; null when the caller has no availability
	 * @param hasAvatar whether the mentor has a picture ({@code /people/{userId}/avatar})
	 */
	public record Entry(long userId, String fullName, String departmentName, String title, String designation,
			String specialization, String areaOfExpertise, boolean acceptingNewMentees, boolean supportsNewMothers,
			int maxMentees, int currentMenteeCount, List<String> skills, List<String> interests,
			Integer overlapMinutes, boolean hasAvatar) {

		/** Free places. */
		public int freePlaces() {
			return Math.max(0, this.maxMentees - this.currentMenteeCount);
		}

	}

	/** One page of results; {@code page} is 1-based. */
	public record Result(List<Entry> entries, long total, int page, int pageSize, boolean callerHasAvailability) {

		public int totalPages() {
			return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
		}

		public boolean hasPrevious() {
			return this.page > 1;
		}

		public boolean hasNext() {
			return this.page < totalPages();
		}

	}

	/** A tag of the institution, for the filter's suggestions. */
	public record TagOption(String name, String slug) {
	}

	/** A department of the institution, for the filter. */
	public record DepartmentOption(long id, String name) {
	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	private final Organizations organizations;

	Directory(JdbcClient jdbc, Tenancy tenancy, Clock clock, Organizations organizations) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
		this.organizations = organizations;
	}

	/** One page of the mentors of the caller's institution that match. */
	@Transactional(readOnly = true)
	public Result search(Query query) {
		check(query);
		Actor actor = this.tenancy.actor();
		long institutionId = institutionOf(actor);
		boolean admin = this.tenancy.hasRole("ADMIN");
		Filter filter = filter(query, institutionId, actor.id(), admin);
		LocalDate reference = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		List<DirectoryOverlap.Range> mine = DirectoryOverlap.toUtc(slotsOf(List.of(actor.id())).getOrDefault(actor.id(),
				List.of()), reference);
		boolean callerHasAvailability = !mine.isEmpty();
		int offset = (query.page() - 1) * PAGE_SIZE;
		if (query.overlap() || query.sort() == Sort.OVERLAP) {
			return searchByOverlap(query, filter, mine, reference, offset, callerHasAvailability);
		}
		// By name regardless of case ("de Vries" among the D's) and of titles ("Dr. Maya Singh" among the
		// M's). It also keeps PostgreSQL from walking the institution's every user in name order (the
		// (institution_id, full_name) index) to find 20 mentors.
		boolean byCapacity = query.sort() == Sort.CAPACITY;
		// The page and the number of matches in one query (a window count), not two. The inner query
		// finds the page's ids from the filter alone (joined only to the profiles the filter reads,
		// Filter.narrowFrom), and only the page's 20 rows are then joined to what is shown: joining every
		// match's profile first made PostgreSQL read all the institution's profiles (docs/performance.md).
		String page = "SELECT u.id AS page_id, " + BY_NAME + " AS sort_key, "
				+ (byCapacity ? FREE_PLACES : "0") + " AS free_places, COUNT(*) OVER () AS matches "
				+ filter.narrowFrom(byCapacity)
				+ " ORDER BY " + (byCapacity ? "free_places DESC, " : "") + "sort_key, u.id LIMIT :limit OFFSET :offset";
		long[] counted = { -1 };
		List<Row> rows = this.jdbc
			.sql(SELECT + ", p.matches FROM (" + page + ") p JOIN identity_people u ON u.id = p.page_id " + SHOWN
					+ " ORDER BY " + (byCapacity ? "p.free_places DESC, " : "") + "p.sort_key, p.page_id")
			.params(filter.params())
			.param("limit", PAGE_SIZE)
			.param("offset", offset)
			.query((rs, n) -> {
				counted[0] = rs.getLong("matches");
				return row(rs, n);
			})
			.list();
		long total = counted[0] >= 0 ? counted[0]
				: offset == 0 ? 0
						: this.jdbc.sql("SELECT COUNT(*) " + filter.narrowFrom(false))
							.params(filter.params())
							.query(Long.class)
							.single();
		List<Long> ids = rows.stream().map(Row::userId).toList();
		Map<Long, List<DirectoryOverlap.Slot>> slots = callerHasAvailability ? slotsOf(ids) : Map.of();
		Map<Long, Integer> overlaps = new HashMap<>();
		if (callerHasAvailability) {
			for (Long id : ids) {
				overlaps.put(id, DirectoryOverlap.minutes(mine,
						DirectoryOverlap.toUtc(slots.getOrDefault(id, List.of()), reference)));
			}
		}
		return new Result(entries(rows, overlaps, callerHasAvailability), total, query.page(), PAGE_SIZE,
				callerHasAvailability);
	}

	/** Whether the caller may ask a mentor of the directory for a mentorship (a mentee or a new mother). */
	public boolean callerMayRequest() {
		return this.tenancy.hasRole("MENTEE") || this.tenancy.hasRole("NEW_MOTHER");
	}

	/** The skill and interest tags of the caller's institution (the first 500), for suggestions. */
	@Transactional(readOnly = true)
	public List<TagOption> tags() {
		return this.jdbc.sql("SELECT name, slug FROM tags WHERE institution_id = :i ORDER BY slug LIMIT 500")
			.param("i", institutionOf(this.tenancy.actor()))
			.query((rs, n) -> new TagOption(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The departments of the caller's institution, by name. */
	@Transactional(readOnly = true)
	public List<DepartmentOption> departments() {
		return this.organizations.departmentsOf(institutionOf(this.tenancy.actor()))
			.stream()
			.map(department -> new DepartmentOption(department.id(), department.name()))
			.toList();
	}

	private Result searchByOverlap(Query query, Filter filter, List<DirectoryOverlap.Range> mine, LocalDate reference,
			int offset, boolean callerHasAvailability) {
		// One query: every candidate (in name order) with its slots; candidates without slots come with nulls.
		Map<Long, Candidate> candidates = new LinkedHashMap<>();
		this.jdbc.sql("SELECT u.id, u.full_name, COALESCE(mp.max_mentees, 0) - COALESCE(mp.current_mentee_count, 0), "
				+ "s.day_of_week, s.start_time, s.end_time, s.time_zone "
				+ filter.from("LEFT JOIN availability_slots s ON s.user_id = u.id") + " ORDER BY " + BY_NAME + ", u.id, s.id")
			.params(filter.params())
			.query(rs -> {
				long id = rs.getLong(1);
				Candidate candidate = candidates.get(id);
				if (candidate == null) {
					candidate = new Candidate(id, rs.getInt(3), new ArrayList<>());
					candidates.put(id, candidate);
				}
				if (rs.getObject(4) != null) {
					candidate.slots().add(new DirectoryOverlap.Slot(rs.getInt(4), rs.getObject(5, LocalTime.class),
							rs.getObject(6, LocalTime.class), rs.getString(7)));
				}
			});
		if (candidates.size() > MAX_CANDIDATES) {
			throw new InvalidInputException("overlap", "Too many mentors match to compare availability. "
					+ "Narrow the search with a skill, interest or department first.");
		}
		Map<Long, Integer> overlaps = new HashMap<>();
		List<Candidate> matching = new ArrayList<>();
		for (Candidate candidate : candidates.values()) {
			int minutes = callerHasAvailability
					? DirectoryOverlap.minutes(mine, DirectoryOverlap.toUtc(candidate.slots(), reference)) : 0;
			overlaps.put(candidate.userId(), minutes);
			if (!query.overlap() || minutes > 0) {
				matching.add(candidate);
			}
		}
		if (query.sort() == Sort.OVERLAP) {
			matching.sort(Comparator.comparingInt((Candidate c) -> overlaps.get(c.userId())).reversed());
		}
		else if (query.sort() == Sort.CAPACITY) {
			matching.sort(Comparator.comparingInt(Candidate::freePlaces).reversed());
		}
		List<Long> pageIds = matching.stream().skip(offset).limit(PAGE_SIZE).map(Candidate::userId).toList();
		List<Row> rows = List.of();
		if (!pageIds.isEmpty()) {
			Map<Long, Row> byId = new HashMap<>();
			this.jdbc.sql(SELECT + filter.from() + " AND u.id IN (:ids)")
				.params(filter.params())
				.param("ids", pageIds)
				.query(Directory::row)
				.list()
				.forEach(row -> byId.put(row.userId(), row));
			rows = pageIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
		}
		return new Result(entries(rows, overlaps, callerHasAvailability), matching.size(), query.page(), PAGE_SIZE,
				callerHasAvailability);
	}

	private record Candidate(long userId, int freePlaces, List<DirectoryOverlap.Slot> slots) {
	}

	private record Row(long userId, String fullName, String departmentName, String title, String designation,
			String specialization, String areaOfExpertise, boolean accepting, boolean newMothers, int maxMentees,
			int currentMentees, boolean hasAvatar) {
	}

	private record Filter(String where, Map<String, Object> params, boolean readsMentorProfile,
			boolean readsUserProfile) {

		String from() {
			return MENTORS + " " + SHOWN + " WHERE " + this.where;
		}

		/**
		 * The same, joined only to the profiles that the filter (or the order by free places) reads. PostgreSQL
		 * and MariaDB drop an unused outer join themselves; H2 does not, and joined every matching mentor's
		 * profiles to find a page of ids (docs/performance.md).
		 */
		String narrowFrom(boolean byCapacity) {
			return MENTORS
					+ (this.readsUserProfile ? " LEFT JOIN user_profiles up ON up.user_id = u.id" : "")
					+ (this.readsMentorProfile || byCapacity ? " LEFT JOIN mentor_profiles mp ON mp.user_id = u.id" : "")
					+ " WHERE " + this.where;
		}

		/** The same, with one more joined table. */
		String from(String join) {
			return MENTORS + " " + SHOWN + " " + join + " WHERE " + this.where;
		}

	}

	/** The visibilities that keep a profile out of the directory for everyone but administrators. */
	private static final List<String> UNLISTED = Arrays.stream(ProfileVisibility.values())
		.filter(visibility -> visibility != ProfileVisibility.INSTITUTION)
		.map(Enum::name)
		.toList();

	/** The order by name: case and a leading title ignored. */
	private static final String BY_NAME = PersonNames.sortKeySql("u.full_name");

	/** A mentor's free places, for the order by capacity. */
	private static final String FREE_PLACES = "(COALESCE(mp.max_mentees, 0) - COALESCE(mp.current_mentee_count, 0))";

	/**
	 * The mentors, first: every database starts from the few mentors instead of the institution's every user
	 * (docs/directory.md). A join, not {@code u.id IN (...)}: H2 evaluated the IN for each of the institution's
	 * 25,000 people (docs/performance.md).
	 */
	private static final String MENTORS = "FROM (SELECT DISTINCT pr.user_id FROM identity_person_roles pr"
			+ " WHERE pr.role = 'MENTOR') mentors JOIN identity_people u ON u.id = mentors.user_id";

	/** The tables of what the directory shows of a person ({@link #SELECT}), joined to {@code u}. */
	private static final String SHOWN = """
			LEFT JOIN organization_departments d ON d.id = u.department_id
			LEFT JOIN user_profiles up ON up.user_id = u.id
			LEFT JOIN mentor_profiles mp ON mp.user_id = u.id""";

	private static final String SELECT = "SELECT u.id, u.full_name, d.name AS department_name, up.title, "
			+ "mp.designation, mp.specialization, up.area_of_expertise, COALESCE(mp.accepting_new_mentees, TRUE), "
			+ "COALESCE(mp.supports_new_mothers, FALSE), COALESCE(mp.max_mentees, 0), "
			+ "COALESCE(mp.current_mentee_count, 0), CASE WHEN up.avatar_url IS NULL THEN 0 ELSE 1 END ";

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getInt(10), rs.getInt(11),
				rs.getInt(12) == 1);
	}

	private Filter filter(Query query, long institutionId, long callerId, boolean admin) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("u.institution_id = :institution AND u.status = 'ACTIVE' AND u.id <> :caller");
		// A mentor looking for a mentor does not find herself.
		params.put("institution", institutionId);
		params.put("caller", callerId);
		if (!admin) {
			// Listed unless the profile says otherwise (no profile row: listed). Written as "no unlisted
			// profile" so that it reads the few unlisted profiles by ix_user_profiles_visibility instead of
			// joining every match's profile.
			sql.append(" AND NOT EXISTS (SELECT 1 FROM user_profiles unlisted WHERE unlisted.user_id = u.id"
					+ " AND unlisted.visibility IN (:unlisted))");
			params.put("unlisted", UNLISTED);
		}
		if (query.text() != null) {
			sql.append(" AND (LOWER(u.full_name) LIKE :text OR LOWER(mp.designation) LIKE :text"
					+ " OR LOWER(mp.specialization) LIKE :text OR LOWER(up.area_of_expertise) LIKE :text)");
			params.put("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
		}
		if (query.skill() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM user_tags ts JOIN tags t ON t.id = ts.tag_id WHERE ts.user_id = u.id"
					+ " AND ts.kind = 'SKILL' AND t.institution_id = :institution AND t.slug = :skill)");
			params.put("skill", slug(query.skill()));
		}
		if (query.interest() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM user_tags ti JOIN tags t2 ON t2.id = ti.tag_id WHERE ti.user_id = u.id"
					+ " AND ti.kind = 'INTEREST' AND t2.institution_id = :institution AND t2.slug = :interest)");
			params.put("interest", slug(query.interest()));
		}
		if (query.departmentId() != null) {
			sql.append(" AND u.department_id = :department");
			params.put("department", query.departmentId());
		}
		if (query.accepting()) {
			sql.append(" AND mp.accepting_new_mentees = TRUE AND mp.current_mentee_count < mp.max_mentees");
		}
		if (query.supportsNewMothers()) {
			sql.append(" AND mp.supports_new_mothers = TRUE");
		}
		boolean readsMentorProfile = query.text() != null || query.accepting() || query.supportsNewMothers();
		return new Filter(sql.toString(), params, readsMentorProfile, query.text() != null);
	}

	private List<Entry> entries(List<Row> rows, Map<Long, Integer> overlaps, boolean callerHasAvailability) {
		Map<Long, List<String>> skills = new HashMap<>();
		Map<Long, List<String>> interests = new HashMap<>();
		if (!rows.isEmpty()) {
			this.jdbc.sql("SELECT ut.user_id, ut.kind, t.name FROM user_tags ut JOIN tags t ON t.id = ut.tag_id "
					+ "WHERE ut.user_id IN (:ids) ORDER BY t.slug")
				.param("ids", rows.stream().map(Row::userId).toList())
				.query(rs -> {
					Map<Long, List<String>> target = "SKILL".equals(rs.getString(2)) ? skills : interests;
					target.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>()).add(rs.getString(3));
				});
		}
		return rows.stream()
			.map(r -> new Entry(r.userId(), r.fullName(), r.departmentName(), r.title(), r.designation(),
					r.specialization(), r.areaOfExpertise(), r.accepting(), r.newMothers(), r.maxMentees(),
					r.currentMentees(), skills.getOrDefault(r.userId(), List.of()),
					interests.getOrDefault(r.userId(), List.of()),
					callerHasAvailability ? overlaps.getOrDefault(r.userId(), 0) : null, r.hasAvatar()))
			.toList();
	}

	private Map<Long, List<DirectoryOverlap.Slot>> slotsOf(List<Long> userIds) {
		Map<Long, List<DirectoryOverlap.Slot>> slots = new HashMap<>();
		if (userIds.isEmpty()) {
			return slots;
		}
		this.jdbc.sql("SELECT user_id, day_of_week, start_time, end_time, time_zone FROM availability_slots "
				+ "WHERE user_id IN (:ids)")
			.param("ids", userIds)
			.query(rs -> {
				slots.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>())
					.add(new DirectoryOverlap.Slot(rs.getInt(2), rs.getObject(3, LocalTime.class),
							rs.getObject(4, LocalTime.class), rs.getString(5)));
			});
		return slots;
	}

	private static long institutionOf(Actor actor) {
		if (actor.institutionId() == null) {
			throw new AccessDeniedException("The directory lists the people of an institution");
		}
		return actor.institutionId();
	}

	private static void check(Query query) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (query.page() < 1 || query.page() > 100_000) {
			problems.add(new InvalidInputException.FieldProblem("page", "The page must be a number from 1."));
		}
		if (query.text() != null && query.text().length() > MAX_TEXT) {
			problems.add(new InvalidInputException.FieldProblem("q",
					"The search text is longer than " + MAX_TEXT + " characters."));
		}
		if (query.skill() != null && query.skill().length() > 64) {
			problems.add(new InvalidInputException.FieldProblem("skill", "A skill has at most 64 characters."));
		}
		if (query.interest() != null && query.interest().length() > 64) {
			problems.add(new InvalidInputException.FieldProblem("interest", "An interest has at most 64 characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** The slug of a tag name, as tags are kept: lower case, other characters than a-z, 0-9, + and # as one dash. */
	static String slug(String name) {
		return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#]+", "-");
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
