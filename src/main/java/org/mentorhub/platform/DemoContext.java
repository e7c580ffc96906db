package org.mentorhub.platform;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the seeds of one demo load share: the moment it happens, one random source with a fixed seed
 * (so every fresh demo looks the same), the demo password, and the ids and facts that earlier seeds
 * made and later seeds need. Institutions are named by code, departments by institution and code,
 * people by e-mail, and groups of people (for example {@code NBU/students}) keep the order in which
 * they were added.
 */
public final class DemoContext {

	/** The demo university's code. */
	public static final String UNIVERSITY = "NBU";

	/** The demo company's code. */
	public static final String COMPANY = "ACME";

	private final LocalDateTime now;

	private final Random random;

	private final String password;

	private final Map<String, Long> institutions = new HashMap<>();

	private final Map<String, Long> departments = new HashMap<>();

	private final Map<String, Long> people = new HashMap<>();

	private final Map<String, List<Long>> groups = new HashMap<>();

	private final Map<String, Long> tags = new HashMap<>();

	private final List<Standing> standings = new ArrayList<>();

	private final List<Pairing> pairings = new ArrayList<>();

	private final Map<Long, LocalDateTime> signIns = new HashMap<>();

	public DemoContext(LocalDateTime now, long seed, String password) {
		this.now = now;
		this.random = new Random(seed);
		this.password = password;
	}

	/** A student's academic standing, as the profile seed recorded it. */
	public record Standing(String institution, long studentId, BigDecimal gpa, BigDecimal attendancePct, String risk) {
	}

	/** A mentorship as the mentorship seed created it; status is a {@code MentorshipStatus} name. */
	public record Pairing(String institution, long mentorshipId, long mentorId, long menteeId, String status) {
	}

	/** The moment of the load, in UTC, to the second. */
	public LocalDateTime now() {
		return this.now;
	}

	/** The one random source of the load. */
	public Random random() {
		return this.random;
	}

	/** The password of every demo account, in clear. */
	public String password() {
		return this.password;
	}

	public void institution(String code, long id) {
		this.institutions.put(code, id);
	}

	public long institution(String code) {
		return required(this.institutions, code);
	}

	public void department(String institutionCode, String code, long id) {
		this.departments.put(institutionCode + "/" + code, id);
	}

	public long department(String institutionCode, String code) {
		return required(this.departments, institutionCode + "/" + code);
	}

	/** Records a demo person and adds them to the groups named. */
	public void person(String email, long id, String... groups) {
		this.people.put(email, id);
		for (String group : groups) {
			this.groups.computeIfAbsent(group, key -> new ArrayList<>()).add(id);
		}
	}

	public long person(String email) {
		return required(this.people, email);
	}

	/** The people of a group, in the order they were added; empty for an unknown group. */
	public List<Long> group(String group) {
		return Collections.unmodifiableList(this.groups.getOrDefault(group, List.of()));
	}

	public void tag(String institutionCode, String slug, long id) {
		this.tags.put(institutionCode + "/" + slug, id);
	}

	public long tag(String institutionCode, String slug) {
		return required(this.tags, institutionCode + "/" + slug);
	}

	public void standing(Standing standing) {
		this.standings.add(standing);
	}

	public List<Standing> standings(String institution) {
		return this.standings.stream().filter(s -> s.institution().equals(institution)).toList();
	}

	public void pairing(Pairing pairing) {
		this.pairings.add(pairing);
	}

	public List<Pairing> pairings(String institution) {
		return this.pairings.stream().filter(p -> p.institution().equals(institution)).toList();
	}

	/** A successful demo sign-in of a person (the audit trail's); the latest one per person is kept. */
	public void signedIn(long userId, LocalDateTime at) {
		this.signIns.merge(userId, at, (a, b) -> a.isAfter(b) ? a : b);
	}

	/** Each person's latest demo sign-in, so that "last sign-in" agrees with the audit log. */
	public Map<Long, LocalDateTime> lastSignIns() {
		return Collections.unmodifiableMap(this.signIns);
	}

	private static long required(Map<String, Long> ids, String key) {
		Long id = ids.get(key);
		if (id == null) {
			throw new IllegalStateException("No demo row " + key + " yet: check the order of the demo seeds");
		}
		return id;
	}

	/** A row of column names and values, in order; values may be null. */
	public static Map<String, Object> row(Object... columnsAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return row;
	}

}
