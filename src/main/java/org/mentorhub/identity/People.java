package org.mentorhub.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * identity's facade for other modules: people looked up by id, one at a time or in batches of any
 * size with a fixed number of queries, so that a list page makes one call and not one per row.
 * Lists that must filter or sort by a person's name join the {@code identity_people} view instead
 * (ADR 0003).
 */
@Service
public class People {

	/** Ids per {@code IN (...)} list: below every database's parameter limit. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person with this id, if the account exists. */
	@Transactional(readOnly = true)
	public Optional<Person> find(long id) {
		return Optional.ofNullable(summaries(List.of(id)).get(id));
	}

	/** The people with these ids, by id; ids without an account are left out. Two queries per 1,000 ids. */
	@Transactional(readOnly = true)
	public Map<Long, Person> summaries(Collection<Long> ids) {
		Map<Long, Person> people = new LinkedHashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += BATCH) {
			List<Long> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
			Map<Long, Set<RoleName>> roles = new HashMap<>();
			this.jdbc.sql("SELECT user_id, role FROM identity_person_roles WHERE user_id IN (:ids)")
				.param("ids", batch)
				.query((RowCallbackHandler) rs -> roles
					.computeIfAbsent(rs.getLong("user_id"), k -> EnumSet.noneOf(RoleName.class))
					.add(RoleName.valueOf(rs.getString("role"))));
			this.jdbc.sql("""
					SELECT id, institution_id, department_id, username, email, full_name, status, time_zone, locale,
					       primary_role
					FROM identity_people WHERE id IN (:ids)""")
				.param("ids", batch)
				.query((RowCallbackHandler) rs -> {
					Person person = person(rs, roles.getOrDefault(rs.getLong("id"), Set.of()));
					people.put(person.id(), person);
				});
		}
		return people;
	}

	/** The full names of these people, by id; ids without an account are left out. */
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += BATCH) {
			this.jdbc.sql("SELECT id, full_name FROM identity_people WHERE id IN (:ids)")
				.param("ids", distinct.subList(from, Math.min(distinct.size(), from + BATCH)))
				.query((RowCallbackHandler) rs -> names.put(rs.getLong("id"), rs.getString("full_name")));
		}
		return names;
	}

	/** The account's time zone: UTC when the account is unknown or its zone unset or invalid. */
	@Transactional(readOnly = true)
	public ZoneId zoneOf(long id) {
		return zone(this.jdbc.sql("SELECT time_zone FROM identity_people WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null));
	}

	/**
	 * Locks these people's accounts until the caller's transaction ends, in id order (so that two callers
	 * never wait on each other in a cycle): work that must not interleave for one person, such as two
	 * bookings of the same mentor, then runs one after the other, whichever module does it. Unknown ids
	 * lock nothing. Needs the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(Collection<Long> ids) {
		for (long id : ids.stream().distinct().sorted().toList()) {
			this.jdbc.sql("SELECT id FROM users WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list();
		}
	}

	/** A stored zone id as a zone: UTC when it is unset or not a valid zone id. */
	public static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(zone);
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

	private static Person person(ResultSet rs, Set<RoleName> roles) throws SQLException {
		long department = rs.getLong("department_id");
		Long departmentId = rs.wasNull() ? null : department;
		long institution = rs.getLong("institution_id");
		Long institutionId = rs.wasNull() ? null : institution;
		RoleName primary = RoleName.valueOf(rs.getString("primary_role"));
		Set<RoleName> all = EnumSet.of(primary);
		all.addAll(roles);
		return new Person(rs.getLong("id"), institutionId, departmentId, rs.getString("username"), rs.getString("email"),
				rs.getString("full_name"), UserStatus.valueOf(rs.getString("status")), zone(rs.getString("time_zone")),
				rs.getString("locale"), primary, Set.copyOf(all));
	}

}
