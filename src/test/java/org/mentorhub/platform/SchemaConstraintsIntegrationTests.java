package org.mentorhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that the migrated schema itself, not only the application, enforces the seeds' constraints:
 * enumerations, ranges, unique keys, foreign-key delete rules and the no-self-mentoring rule, on
 * whichever database the integration tests run (H2, PostgreSQL or MariaDB).
 * <p>
 * Every test rolls back. A failed statement aborts a PostgreSQL transaction, so each test provokes at
 * most one expected failure, as its last database statement. Each expected failure must name the
 * constraint that refuses it, so that a test cannot pass for an unrelated reason (a value too long for
 * its column, a missing NOT NULL column, another constraint). Each test plants its own rows, in a
 * university and a company of its own, within its transaction; new rows get unique values, so the
 * tests can run again and again against a persistent database.
 */
@MentorHubIntegrationTest
@Transactional
class SchemaConstraintsIntegrationTests {

	/** Fits every enumerated column, VARCHAR(8) included, so only the CHECK can refuse it. */
	private static final String NOT_IN_ANY_ENUMERATION = "BOGUS";

	@Autowired
	private JdbcClient jdbc;

	/** Unique per test, for the usernames, e-mails and codes of new rows. */
	private final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	/** The rows of this test, planted in its transaction. */
	private World world;

	/**
	 * A university (department CS) and a company (department ENGR), with a row in every table the
	 * tests touch: a student with academic and onboarding records, a goal with an update, an alert,
	 * a mentorship with a completed session the student rated, a second student, a mentor with a
	 * profile, a guidebook, and at the company a new mother with a support group and a proxy request
	 * and a mentee who asked for a connection.
	 */
	private record World(TestInstitution university, TestInstitution company, Account student,
			Account secondStudent, Account mentor, Account mother, Account companyMentee) {

		/** The named parameters the row-finding SQL may use. */
		Map<String, Object> params() {
			return Map.of("university", this.university.id(), "student", this.student.id(), "mother",
					this.mother.id(), "companyMentee", this.companyMentee.id());
		}

	}

	@BeforeEach
	void plantTheWorld() {
		TestInstitution university = aUniversity().withDepartment("CS").build(this.jdbc);
		TestInstitution company = aCompany().withDepartment("ENGR").build(this.jdbc);
		Account student = university.aStudent().inDepartment("CS").create(this.jdbc);
		Account secondStudent = university.aStudent().inDepartment("CS").create(this.jdbc);
		Account mentor = university.aMentor().inDepartment("CS").withMentorProfile(2).create(this.jdbc);
		Account mother = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		Account companyMentee = company.aMentee().inDepartment("ENGR").create(this.jdbc);
		Account proxy = company.aMentee().inDepartment("ENGR").create(this.jdbc);
		this.world = new World(university, company, student, secondStudent, mentor, mother, companyMentee);

		for (Account each : List.of(student, secondStudent)) {
			this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level) "
					+ "VALUES (:u, :roll, 3.20, 90.00, 'LOW')")
				.param("u", each.id())
				.param("roll", "R" + each.id() + "-" + this.unique)
				.update();
		}
		this.jdbc.sql("INSERT INTO user_profiles (user_id, onboarding_status) VALUES (:u, 'IN_PROGRESS')")
			.param("u", student.id())
			.update();
		long goal = key(this.jdbc.sql("INSERT INTO goals (student_id, title, status, progress_pct) "
				+ "VALUES (:u, 'Planted goal', 'IN_PROGRESS', 40)").param("u", student.id()));
		this.jdbc.sql("INSERT INTO goal_updates (goal_id, progress_pct, status) VALUES (:g, 40, 'IN_PROGRESS')")
			.param("g", goal)
			.update();
		this.jdbc.sql("INSERT INTO alerts (institution_id, student_id, severity, category, message) "
				+ "VALUES (:i, :u, 'WARN', 'GPA', 'Planted alert')")
			.param("i", university.id())
			.param("u", student.id())
			.update();
		long mentorship = TestMentorships.plant(this.jdbc, mentor, student, "ACTIVE");
		long session = SessionFixtures.session(this.jdbc, mentorship, mentor.id(), student.id(), mentor.id(),
				"COMPLETED", Instant.now().minus(2, ChronoUnit.DAYS), "Planted session");
		this.jdbc.sql("INSERT INTO session_feedback (session_id, giver_id, type, rating) "
				+ "VALUES (:s, :u, 'MENTEE_TO_MENTOR', 5)")
			.param("s", session)
			.param("u", student.id())
			.update();
		this.jdbc.sql("INSERT INTO resources (institution_id, title, type) VALUES (:i, 'Planted guide', 'GUIDEBOOK')")
			.param("i", university.id())
			.update();

		long group = key(this.jdbc.sql("INSERT INTO support_groups (institution_id, name, member_count) "
				+ "VALUES (:i, :name, 1)").param("i", company.id()).param("name", "Planted group " + this.unique));
		this.jdbc.sql("INSERT INTO group_memberships (user_id, group_id) VALUES (:u, :g)")
			.param("u", mother.id())
			.param("g", group)
			.update();
		this.jdbc.sql("INSERT INTO proxy_requests (mother_id, proxy_id, start_date, expected_end_date) "
				+ "VALUES (:m, :p, CURRENT_DATE, CURRENT_DATE)")
			.param("m", mother.id())
			.param("p", proxy.id())
			.update();
		assertThat(connect(companyMentee.id(), proxy.id())).isOne();
	}

	private long key(JdbcClient.StatementSpec insert) {
		KeyHolder keys = new GeneratedKeyHolder();
		insert.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	// ---------------------------------------------------------------- enumerations

	static Stream<EnumeratedColumn> enumeratedColumns() {
		return Stream.of(
				new EnumeratedColumn("users", "status", "id", "SELECT id FROM users WHERE id = :student",
						"ck_users_status"),
				new EnumeratedColumn("mentorships", "status", "id",
						"SELECT MIN(id) FROM mentorships WHERE mentee_id = :student", "ck_mentorships_status"),
				new EnumeratedColumn("mentoring_sessions", "status", "id",
						"SELECT MIN(id) FROM mentoring_sessions WHERE mentee_id = :student",
						"ck_mentoring_sessions_status"),
				new EnumeratedColumn("mentoring_sessions", "mode", "id",
						"SELECT MIN(id) FROM mentoring_sessions WHERE mentee_id = :student",
						"ck_mentoring_sessions_mode"),
				new EnumeratedColumn("student_profiles", "risk_level", "user_id",
						"SELECT user_id FROM student_profiles WHERE user_id = :student", "ck_student_profiles_risk"),
				new EnumeratedColumn("goals", "status", "id", "SELECT MIN(id) FROM goals WHERE student_id = :student",
						"ck_goals_status"),
				new EnumeratedColumn("alerts", "severity", "id",
						"SELECT MIN(id) FROM alerts WHERE institution_id = :university", "ck_alerts_severity"),
				new EnumeratedColumn("user_profiles", "onboarding_status", "user_id",
						"SELECT user_id FROM user_profiles WHERE user_id = :student", "ck_user_profiles_onboarding"),
				new EnumeratedColumn("proxy_requests", "status", "id",
						"SELECT MIN(id) FROM proxy_requests WHERE mother_id = :mother", "ck_proxy_requests_status"),
				new EnumeratedColumn("user_connections", "status", "id",
						"SELECT MIN(id) FROM user_connections WHERE requester_id = :companyMentee",
						"ck_user_connections_status"),
				new EnumeratedColumn("resources", "type", "id",
						"SELECT MIN(id) FROM resources WHERE institution_id = :university AND type = 'GUIDEBOOK'",
						"ck_resources_type"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("enumeratedColumns")
	void valueOutsideAnEnumerationIsRefused(EnumeratedColumn enumerated) {
		long row = existing(enumerated.rowSql(), "a planted row of " + enumerated.table());

		assertRefusedBy(enumerated.constraint(),
				() -> this.jdbc
					.sql("UPDATE " + enumerated.table() + " SET " + enumerated.column() + " = :value WHERE "
							+ enumerated.key() + " = :row")
					.param("value", NOT_IN_ANY_ENUMERATION)
					.param("row", row)
					.update());
	}

	// MariaDB compares with the database collation; the enumerated columns are binary there (V18).
	@ParameterizedTest(name = "{0}.{1} = {2}")
	@org.junit.jupiter.params.provider.CsvSource({ "users, status, active, ck_users_status",
			"mentoring_sessions, status, confirmed, ck_mentoring_sessions_status",
			"student_profiles, risk_level, high, ck_student_profiles_risk" })
	void lowerCaseSpellingOfAnEnumeratedValueIsRefused(String table, String column, String value, String constraint) {
		String key = table.equals("student_profiles") ? "user_id" : "id";
		String owner = table.equals("mentoring_sessions") ? "mentee_id" : key;
		long row = existing("SELECT MIN(" + key + ") FROM " + table + " WHERE " + owner + " = :student",
				"a planted row of " + table);

		assertRefusedBy(constraint, () -> this.jdbc
			.sql("UPDATE " + table + " SET " + column + " = :value WHERE " + key + " = :row")
			.param("value", value)
			.param("row", row)
			.update());
	}

	// ---------------------------------------------------------------- ranges

	@ParameterizedTest(name = "rating {0}")
	@ValueSource(ints = { 0, 6 })
	void feedbackRatingOutsideOneToFiveIsRefused(int rating) {
		long feedback = existing("SELECT MIN(id) FROM session_feedback WHERE giver_id = :student",
				"feedback given by the student");

		assertRefusedBy("ck_session_feedback_rating",
				() -> this.jdbc.sql("UPDATE session_feedback SET rating = :rating WHERE id = :id")
					.param("rating", rating)
					.param("id", feedback)
					.update());
	}

	@Test
	void goalProgressAboveOneHundredPercentIsRefused() {
		long goal = existing("SELECT MIN(id) FROM goals WHERE student_id = :student", "a goal of the student");

		assertRefusedBy("ck_goals_progress", () -> this.jdbc.sql("UPDATE goals SET progress_pct = 101 WHERE id = :id")
			.param("id", goal)
			.update());
	}

	@Test
	void attendanceAboveOneHundredPercentIsRefused() {
		long student = this.world.student().id();

		assertRefusedBy("ck_student_profiles_attendance",
				() -> this.jdbc.sql("UPDATE student_profiles SET attendance_pct = :attendance WHERE user_id = :id")
					.param("attendance", new BigDecimal("100.5"))
					.param("id", student)
					.update());
	}

	@Test
	void negativeGpaIsRefused() {
		long student = this.world.student().id();

		assertRefusedBy("ck_student_profiles_gpa",
				() -> this.jdbc.sql("UPDATE student_profiles SET gpa = :gpa WHERE user_id = :id")
					.param("gpa", new BigDecimal("-1"))
					.param("id", student)
					.update());
	}

	@Test
	void sessionOfZeroMinutesIsRefused() {
		long session = existing("SELECT MIN(id) FROM mentoring_sessions WHERE mentee_id = :student",
				"a session of the student");

		assertRefusedBy("ck_mentoring_sessions_duration",
				() -> this.jdbc.sql("UPDATE mentoring_sessions SET duration_minutes = 0 WHERE id = :id")
					.param("id", session)
					.update());
	}

	@Test
	void mentorWithMoreMenteesThanTheLimitIsRefused() {
		long mentor = existing("SELECT user_id FROM mentor_profiles WHERE user_id = " + this.world.mentor().id(),
				"the mentor profile of the mentor");

		assertRefusedBy("ck_mentor_profiles_count", () -> this.jdbc
			.sql("UPDATE mentor_profiles SET current_mentee_count = max_mentees + 1 WHERE user_id = :id")
			.param("id", mentor)
			.update());
	}

	// ---------------------------------------------------------------- unique keys

	@Test
	void institutionCodeIsUnique() {
		assertRefusedBy("uq_institutions_code",
				() -> this.jdbc.sql("INSERT INTO institutions (name, code) VALUES (:name, :code)")
					.param("name", "Second university " + this.unique)
					.param("code", this.world.university().code())
					.update());
	}

	@Test
	void departmentCodeIsUniqueWithinAnInstitution() {
		long university = this.world.university().id();
		assertThat(departmentCount(university, "CS")).as("CS department of the university").isOne();

		assertRefusedBy("uq_departments_institution_code", () -> insertDepartment(university, "CS"));
	}

	@Test
	void sameDepartmentCodeIsAllowedInAnotherInstitution() {
		long university = this.world.university().id();
		long company = this.world.company().id();
		assertThat(departmentCount(university, "CS")).as("CS department of the university").isOne();
		assertThat(departmentCount(company, "CS")).as("CS department of the company").isZero();

		assertThat(insertDepartment(company, "CS")).isOne();

		assertThat(departmentCount(company, "CS")).isOne();
		assertThat(departmentCount(university, "CS")).isOne();
	}

	@Test
	void userEmailIsUnique() {
		assertRefusedBy("uq_users_email", () -> insertUser("ADMIN", "user-" + this.unique, this.world.student().email()));
	}

	@Test
	void usernameIsUnique() {
		String taken = this.jdbc.sql("SELECT username FROM users WHERE email = :email")
			.param("email", this.world.student().email())
			.query(String.class)
			.single();

		assertRefusedBy("uq_users_username", () -> insertUser("ADMIN", taken, "user-" + this.unique + "@example.org"));
	}

	@Test
	void rollNumberIsUnique() {
		String taken = this.jdbc.sql("SELECT roll_number FROM student_profiles WHERE user_id = :id")
			.param("id", this.world.student().id())
			.query(String.class)
			.single();
		long otherStudent = existing("SELECT user_id FROM student_profiles WHERE user_id = "
				+ this.world.secondStudent().id(), "the student profile of the second student");

		assertRefusedBy("uq_student_profiles_roll_number",
				() -> this.jdbc.sql("UPDATE student_profiles SET roll_number = :roll WHERE user_id = :id")
					.param("roll", taken)
					.param("id", otherStudent)
					.update());
	}

	@Test
	void secondFeedbackOfTheSameGiverOnTheSameSessionIsRefused() {
		long student = this.world.student().id();
		long feedback = existing("SELECT MIN(id) FROM session_feedback WHERE giver_id = :student",
				"feedback given by the student");
		long session = this.jdbc.sql("SELECT session_id FROM session_feedback WHERE id = :id")
			.param("id", feedback)
			.query(Long.class)
			.single();

		assertRefusedBy("uq_session_feedback_giver", () -> this.jdbc
			.sql("INSERT INTO session_feedback (session_id, giver_id, type, rating) "
					+ "VALUES (:session, :giver, 'MENTEE_TO_MENTOR', 4)")
			.param("session", session)
			.param("giver", student)
			.update());
	}

	@Test
	void secondMembershipOfTheSameGroupIsRefused() {
		long mother = this.world.mother().id();
		long group = existing("SELECT MIN(group_id) FROM group_memberships WHERE user_id = :mother",
				"a support group of the mother");

		assertRefusedBy("uq_group_memberships",
				() -> this.jdbc.sql("INSERT INTO group_memberships (user_id, group_id) VALUES (:user, :group)")
					.param("user", mother)
					.param("group", group)
					.update());
	}

	@Test
	void secondConnectionBetweenTheSamePairIsRefusedWhicheverWayItIsRequested() {
		long student = this.world.student().id();
		long mentor = this.world.mentor().id();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM user_connections WHERE user_low_id = :low AND user_high_id = :high")
			.param("low", Math.min(student, mentor))
			.param("high", Math.max(student, mentor))
			.query(Long.class)
			.single()).as("connections between the student and the mentor").isZero();

		assertThat(connect(student, mentor)).isOne();

		assertRefusedBy("uq_user_connections_pair", () -> connect(mentor, student));
	}

	@Test
	void connectionWhosePairIsNotInOrderIsRefused() {
		long student = this.world.student().id();
		long mentor = this.world.mentor().id();

		assertRefusedBy("ck_user_connections_pair", () -> this.jdbc
			.sql("INSERT INTO user_connections (requester_id, receiver_id, user_low_id, user_high_id) "
					+ "VALUES (:requester, :receiver, :low, :high)")
			.param("requester", student)
			.param("receiver", mentor)
			.param("low", Math.max(student, mentor))
			.param("high", Math.min(student, mentor))
			.update());
	}

	// ---------------------------------------------------------------- foreign-key delete rules

	@Test
	void deletingAMentorWhoHasMentorshipsIsRefused() {
		long mentor = insertUser("MENTOR", "mentor-" + this.unique, "mentor-" + this.unique + "@example.org");
		assertThat(this.jdbc
			.sql("INSERT INTO mentorships (institution_id, mentor_id, mentee_id, status) "
					+ "VALUES (:institution, :mentor, :mentee, 'REQUESTED')")
			.param("institution", this.world.university().id())
			.param("mentor", mentor)
			.param("mentee", this.world.student().id())
			.update()).isOne();

		assertRefusedBy("fk_mentorships_mentor", () -> deleteUser(mentor));
	}

	@Test
	void deletingAGoalDeletesItsUpdates() {
		long goal = existing("SELECT MIN(g.id) FROM goals g WHERE g.student_id IN (SELECT u.id FROM users u WHERE "
				+ "u.institution_id = :university) AND EXISTS (SELECT 1 FROM goal_updates gu WHERE gu.goal_id = g.id)",
				"a goal with updates in the university");
		assertThat(goalUpdateCount(goal)).isPositive();

		assertThat(this.jdbc.sql("DELETE FROM goals WHERE id = :id").param("id", goal).update()).isOne();

		assertThat(goalUpdateCount(goal)).isZero();
	}

	@Test
	void deletingAUserWhoClosedAnAlertKeepsTheAlertWithoutItsCloser() {
		long closer = insertUser("ADMIN", "closer-" + this.unique, "closer-" + this.unique + "@example.org");
		long alert = existing("SELECT MIN(id) FROM alerts WHERE institution_id = :university", "an alert in the university");
		assertThat(this.jdbc.sql("UPDATE alerts SET closed_by_id = :closer WHERE id = :id")
			.param("closer", closer)
			.param("id", alert)
			.update()).isOne();

		assertThat(deleteUser(closer)).isOne();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE id = :id AND closed_by_id IS NULL")
			.param("id", alert)
			.query(Long.class)
			.single()).as("alert %s, kept with no closer", alert).isOne();
	}

	@Test
	void deletingAUserDeletesTheirProfileAndNotifications() {
		long user = insertUser("MENTEE", "leaver-" + this.unique, "leaver-" + this.unique + "@example.org");
		this.jdbc.sql("INSERT INTO user_profiles (user_id) VALUES (:user)").param("user", user).update();
		for (int i = 1; i <= 2; i++) {
			this.jdbc.sql("INSERT INTO notifications (user_id, type, title) VALUES (:user, 'GOAL_UPDATED', :title)")
				.param("user", user)
				.param("title", "Notification " + i)
				.update();
		}
		assertThat(countForUser("user_profiles", user)).isOne();
		assertThat(countForUser("notifications", user)).isEqualTo(2);

		assertThat(deleteUser(user)).isOne();

		assertThat(countForUser("user_profiles", user)).isZero();
		assertThat(countForUser("notifications", user)).isZero();
	}

	// ---------------------------------------------------------------- mentorship rules

	@Test
	void mentorshipOfAUserWithThemselvesIsRefused() {
		long mentor = this.world.mentor().id();

		assertRefusedBy("ck_mentorships_not_self", () -> this.jdbc
			.sql("INSERT INTO mentorships (institution_id, mentor_id, mentee_id, status) "
					+ "VALUES (:institution, :mentor, :mentee, 'REQUESTED')")
			.param("institution", this.world.university().id())
			.param("mentor", mentor)
			.param("mentee", mentor)
			.update());
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * The statement must be refused as a data-integrity violation, by the named constraint: every
	 * database names it in its message (H2 in upper case, and with an index suffix for unique keys).
	 */
	private static void assertRefusedBy(String constraint, ThrowingCallable statement) {
		assertThatThrownBy(statement).isInstanceOf(DataIntegrityViolationException.class)
			.satisfies((refusal) -> assertThat(refusal.getMessage()).containsIgnoringCase(constraint));
	}

	/** The id a query finds, which must exist: the test depends on that planted row. */
	private long existing(String sql, String description) {
		Long id = this.jdbc.sql(sql).params(this.world.params()).query(Long.class).optional().orElse(null);
		assertThat(id).as("%s (%s)", description, sql).isNotNull();
		return id;
	}

	private long userId(String email) {
		return existing("SELECT id FROM users WHERE email = '" + email + "'", "user " + email);
	}

	private long roleId(String name) {
		return existing("SELECT id FROM roles WHERE name = '" + name + "'", "role " + name);
	}

	/** Inserts a user with only the columns the schema requires and returns its id. */
	private long insertUser(String role, String username, String email) {
		this.jdbc
			.sql("INSERT INTO users (primary_role_id, username, email, full_name, status) "
					+ "VALUES (:role, :username, :email, :fullName, 'ACTIVE')")
			.param("role", roleId(role))
			.param("username", username)
			.param("email", email)
			.param("fullName", "Test User " + this.unique)
			.update();
		return userId(email);
	}

	private int deleteUser(long user) {
		return this.jdbc.sql("DELETE FROM users WHERE id = :id").param("id", user).update();
	}

	private int insertDepartment(long institution, String code) {
		return this.jdbc.sql("INSERT INTO departments (institution_id, name, code) VALUES (:institution, :name, :code)")
			.param("institution", institution)
			.param("name", "Department " + this.unique)
			.param("code", code)
			.update();
	}

	private long departmentCount(long institution, String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM departments WHERE institution_id = :institution AND code = :code")
			.param("institution", institution)
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** Records a connection request; user_low_id and user_high_id hold the pair in order. */
	private int connect(long requester, long receiver) {
		return this.jdbc
			.sql("INSERT INTO user_connections (requester_id, receiver_id, user_low_id, user_high_id) "
					+ "VALUES (:requester, :receiver, :low, :high)")
			.param("requester", requester)
			.param("receiver", receiver)
			.param("low", Math.min(requester, receiver))
			.param("high", Math.max(requester, receiver))
			.update();
	}

	private long goalUpdateCount(long goal) {
		return this.jdbc.sql("SELECT COUNT(*) FROM goal_updates WHERE goal_id = :goal")
			.param("goal", goal)
			.query(Long.class)
			.single();
	}

	private long countForUser(String table, long user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = :user")
			.param("user", user)
			.query(Long.class)
			.single();
	}

	/**
	 * An enumerated column, the SQL that finds one planted row of its table (by the world's named
	 * parameters: {@code :student}, {@code :mother}, {@code :companyMentee}, {@code :university}) and the
	 * CHECK constraint that must refuse a value outside the enumeration.
	 */
	record EnumeratedColumn(String table, String column, String key, String rowSql, String constraint) {

		@Override
		public String toString() {
			return this.table + "." + this.column;
		}

	}

}
