package org.mentorhub.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import org.mentorhub.identity.RoleName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads two demo institutions, a university and a company, with people of every role and a few
 * months of activity: mentorships, past and upcoming sessions with notes, action items and feedback,
 * goals, alerts, notifications, learning paths, working-mother support, messages, resources,
 * support tickets and an audit trail. Loading is idempotent (it does nothing when the university
 * exists) and runs in one transaction, so a failure leaves nothing half-written. Random choices use
 * a fixed seed, so every fresh demo looks the same.
 */
class DemoDataLoader {

	static final String UNIVERSITY_CODE = "NBU";

	static final String COMPANY_CODE = "ACME";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	private final DemoProperties properties;

	private final Clock clock;

	private final Map<RoleName, Long> roleIds = new HashMap<>();

	private Random random;

	private LocalDateTime now;

	private String passwordHash;

	DemoDataLoader(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, PasswordEncoder passwords,
			DemoProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.transactions = transactions;
		this.passwords = passwords;
		this.properties = properties;
		this.clock = clock;
	}

	/** Loads the demo unless it is there already, then prints the demo logins. */
	void loadAndPrintLogins() {
		try {
			boolean loaded = Boolean.TRUE.equals(this.transactions.execute(status -> loadIfAbsent()));
			log.info(loaded ? "Demo data loaded." : "Demo data already present; nothing loaded.");
		}
		catch (DuplicateKeyException ex) {
			// Another instance loaded it at the same moment; its transaction won.
			log.info("Demo data was loaded by another instance.");
		}
		printLogins();
	}

	/** Loads the demo in the current transaction; returns false when it exists already. */
	boolean loadIfAbsent() {
		Long existing = this.jdbc.sql("SELECT COUNT(*) FROM institutions WHERE code = :code")
			.param("code", UNIVERSITY_CODE)
			.query(Long.class)
			.single();
		if (existing > 0) {
			return false;
		}
		this.random = new Random(20261121L);
		this.now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		// One hash for every demo account: argon2id costs ~50 ms each, and the demo shares one password.
		this.passwordHash = this.passwords.encode(this.properties.password());
		this.jdbc.sql("SELECT id, name FROM roles")
			.query((rs, row) -> this.roleIds.put(RoleName.valueOf(rs.getString("name")), rs.getLong("id")))
			.list();
		user(null, null, "platform", "platform@mentorhub.demo", "Pat Platform", RoleName.PLATFORM_ADMIN);
		new University().load();
		new Company().load();
		return true;
	}

	List<DemoLogin> logins() {
		return List.of(new DemoLogin("Platform administrator", "platform@mentorhub.demo", "(all institutions)"),
				new DemoLogin("Administrator", "admin@northbridge.demo", "Northbridge University"),
				new DemoLogin("Coordinator", "coordinator@northbridge.demo", "Northbridge University, Computer Science"),
				new DemoLogin("Mentor", "mentor@northbridge.demo", "Northbridge University"),
				new DemoLogin("Student (mentee)", "student@northbridge.demo", "Northbridge University"),
				new DemoLogin("Administrator", "admin@acme.demo", "Acme Digital"),
				new DemoLogin("Mentor", "mentor@acme.demo", "Acme Digital"),
				new DemoLogin("Mentee", "mentee@acme.demo", "Acme Digital"),
				new DemoLogin("New mother", "mother@acme.demo", "Acme Digital"));
	}

	private void printLogins() {
		StringBuilder box = new StringBuilder("\n\n  MentorHub demo logins (password for all: ").append(this.properties.password())
			.append(")\n  Demo data only: set mentorhub.demo.enabled=false in production.\n\n");
		for (DemoLogin login : logins()) {
			box.append(String.format("    %-24s %-32s %s%n", login.role(), login.email(), login.institution()));
		}
		log.info(box.toString());
	}

	// ---------------------------------------------------------------- the university

	private final class University {

		private final List<Long> mentors = new ArrayList<>();

		private final Map<Long, Long> departmentOf = new HashMap<>();

		private final List<Long> students = new ArrayList<>();

		private long institution;

		private long admin;

		void load() {
			this.institution = insert("institutions", row("name", "Northbridge University", "code", UNIVERSITY_CODE,
					"kind", "UNIVERSITY", "address", "1 College Green, Northbridge NB1 2AB", "contact_email",
					"mentoring@northbridge.demo", "time_zone", "Europe/London", "mentorship_approval_required", true,
					"created_at", now.minusDays(400), "updated_at", now.minusDays(400)));
			String[][] departments = { { "CS", "Computer Science" }, { "BUS", "Business School" },
					{ "ENG", "Engineering" }, { "PSY", "Psychology" } };
			List<Long> departmentIds = new ArrayList<>();
			for (String[] d : departments) {
				departmentIds.add(insert("departments", row("institution_id", this.institution, "code", d[0], "name",
						d[1], "created_at", now.minusDays(400), "updated_at", now.minusDays(400))));
			}
			this.admin = user(this.institution, null, "nbu.admin", "admin@northbridge.demo", "Alex Morgan",
					RoleName.ADMIN);
			profile(this.admin, "Alex", "Morgan", "Head of Student Success", "Runs the university's mentoring program.");
			String[] coordinatorNames = { "Casey Patel", "Jordan Lee", "Riley Chen", "Sam Okafor" };
			for (int i = 0; i < departmentIds.size(); i++) {
				String email = i == 0 ? "coordinator@northbridge.demo" : "coordinator" + (i + 1) + "@northbridge.demo";
				long coordinator = user(this.institution, departmentIds.get(i), "nbu.coord" + (i + 1), email,
						coordinatorNames[i], RoleName.COORDINATOR);
				profile(coordinator, first(coordinatorNames[i]), last(coordinatorNames[i]), "Department coordinator",
						"Coordinates mentoring in " + departments[i][1] + ".");
			}
			String[] mentorNames = { "Dr. Maya Singh", "Prof. Tom Becker", "Dr. Lena Novak", "Dr. Omar Haddad",
					"Prof. Grace Kim", "Dr. Felix Wagner", "Dr. Ana Souza", "Dr. Kwame Mensah" };
			String[][] mentorSkills = { { "Java", "Algorithms", "Career planning" },
					{ "Finance", "Leadership", "Public speaking" }, { "Machine learning", "Python", "Research" },
					{ "Robotics", "C++", "Project management" }, { "Marketing", "Entrepreneurship", "Leadership" },
					{ "Databases", "Java", "Cloud" }, { "Cognitive science", "Statistics", "Research" },
					{ "Structural design", "Mathematics", "Study skills" } };
			for (int i = 0; i < mentorNames.length; i++) {
				long department = departmentIds.get(i % departmentIds.size());
				String email = i == 0 ? "mentor@northbridge.demo" : "mentor" + (i + 1) + "@northbridge.demo";
				long mentor = user(this.institution, department, "nbu.mentor" + (i + 1), email, mentorNames[i],
						RoleName.MENTOR);
				profile(mentor, first(mentorNames[i]), last(mentorNames[i]), i % 2 == 0 ? "Associate Professor" : "Professor",
						"Mentors students on studies, research and careers.");
				mentorProfile(mentor, i % 2 == 0 ? "Associate Professor" : "Professor", mentorSkills[i][0], 5, false);
				tags(this.institution, mentor, "SKILL", mentorSkills[i]);
				availability(mentor, "Europe/London");
				this.mentors.add(mentor);
				this.departmentOf.put(mentor, department);
			}
			String[] firstNames = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophia", "Lucas", "Mia", "Mason",
					"Isla", "Leo", "Amelia", "Oscar", "Chloe", "Arjun", "Zara", "Kai", "Nina", "Theo", "Priya", "Hugo",
					"Freya", "Ibrahim", "Lily", "Mateo", "Ella", "Yusuf", "Grace", "Finn" };
			String[] lastNames = { "Walker", "Nguyen", "Brown", "Rossi", "Kowalski", "Ahmed", "Garcia", "Murphy",
					"Schmidt", "Dubois" };
			String[] programs = { "BSc Computer Science", "BBA Business Administration", "BEng Mechanical Engineering",
					"BSc Psychology" };
			String[][] interests = { { "Java", "Career planning" }, { "Leadership", "Finance" },
					{ "Robotics", "Mathematics" }, { "Research", "Statistics" } };
			for (int i = 0; i < firstNames.length; i++) {
				int d = i % departmentIds.size();
				String name = firstNames[i] + " " + lastNames[i % lastNames.length];
				String email = i == 0 ? "student@northbridge.demo" : "student" + (i + 1) + "@northbridge.demo";
				long student = user(this.institution, departmentIds.get(d), "nbu.student" + (i + 1), email, name,
						RoleName.MENTEE);
				profile(student, firstNames[i], lastNames[i % lastNames.length], null, "Student in " + programs[d] + ".");
				BigDecimal gpa = BigDecimal.valueOf(1.6 + random.nextDouble() * 2.4).setScale(2, RoundingMode.HALF_UP);
				BigDecimal attendance = BigDecimal.valueOf(55 + random.nextDouble() * 45).setScale(2, RoundingMode.HALF_UP);
				String risk = gpa.doubleValue() < 2.2 || attendance.doubleValue() < 65 ? "HIGH"
						: gpa.doubleValue() < 2.8 || attendance.doubleValue() < 75 ? "MEDIUM" : "LOW";
				insert("student_profiles", row("user_id", student, "roll_number", String.format("NBU%05d", 24001 + i),
						"program", programs[d], "year_of_study", 1 + i % 4, "gpa", gpa, "attendance_pct", attendance,
						"risk_level", risk, "created_at", now.minusDays(300), "updated_at", now.minusDays(3)));
				tags(this.institution, student, "INTEREST", interests[d]);
				availability(student, "Europe/London");
				this.students.add(student);
				this.departmentOf.put(student, departmentIds.get(d));
				if (!"LOW".equals(risk)) {
					alerts(this.institution, student, gpa, attendance, risk);
				}
			}
			mentorshipsAndActivity();
			learningPaths(this.institution, this.admin, this.students);
			resources(this.institution, this.admin, this.students);
			supportTickets(this.institution, this.students, this.admin);
			auditTrail(this.institution, this.admin, this.students);
		}

		private void mentorshipsAndActivity() {
			Map<Long, Integer> load = new HashMap<>();
			for (int i = 0; i < this.students.size(); i++) {
				long student = this.students.get(i);
				long mentor = this.mentors.get(i % this.mentors.size());
				String status = i < 24 ? "ACTIVE" : i < 26 ? "PAUSED" : i < 28 ? "ENDED" : "REQUESTED";
				long mentorship = mentorship(this.institution, this.departmentOf.get(student), mentor, student, status,
						this.admin, "Stay on track in year " + (1 + i % 4) + " and plan the next step.");
				if (status.equals("ACTIVE") || status.equals("PAUSED")) {
					load.merge(mentor, 1, Integer::sum);
				}
				if (!status.equals("REQUESTED")) {
					sessions(mentorship, mentor, student, status.equals("ACTIVE"), 10);
				}
				goals(student, mentor, mentorship);
				notifications(student, 40);
			}
			load.forEach(DemoDataLoader.this::mentorCount);
			this.mentors.forEach(mentor -> notifications(mentor, 25));
		}

	}

	// ---------------------------------------------------------------- the company

	private final class Company {

		void load() {
			long institution = insert("institutions", row("name", "Acme Digital", "code", COMPANY_CODE, "kind", "COMPANY",
					"address", "200 Market Street, Springfield", "contact_email", "people@acme.demo", "time_zone",
					"America/New_York", "mentorship_approval_required", false, "created_at", now.minusDays(380),
					"updated_at", now.minusDays(380)));
			long engineering = insert("departments", row("institution_id", institution, "code", "ENGR", "name",
					"Engineering", "created_at", now.minusDays(380), "updated_at", now.minusDays(380)));
			long people = insert("departments", row("institution_id", institution, "code", "PEOPLE", "name",
					"People & Culture", "created_at", now.minusDays(380), "updated_at", now.minusDays(380)));
			long sales = insert("departments", row("institution_id", institution, "code", "SALES", "name", "Sales",
					"created_at", now.minusDays(380), "updated_at", now.minusDays(380)));
			long admin = user(institution, people, "acme.admin", "admin@acme.demo", "Morgan Reyes", RoleName.ADMIN);
			profile(admin, "Morgan", "Reyes", "Head of People Development", "Runs Acme's mentoring and parental support.");
			String[] mentorNames = { "Hannah Fischer", "David Osei", "Sofia Marino", "Ben Carter" };
			long[] mentorDepartments = { engineering, engineering, sales, people };
			String[][] skills = { { "Java", "System design", "Leadership" }, { "Kubernetes", "Cloud", "Mentoring" },
					{ "Negotiation", "Public speaking", "Sales strategy" },
					{ "Return to work", "Coaching", "Work-life balance" } };
			List<Long> mentors = new ArrayList<>();
			for (int i = 0; i < mentorNames.length; i++) {
				String email = i == 0 ? "mentor@acme.demo" : "mentor" + (i + 1) + "@acme.demo";
				long mentor = user(institution, mentorDepartments[i], "acme.mentor" + (i + 1), email, mentorNames[i],
						RoleName.MENTOR);
				profile(mentor, first(mentorNames[i]), last(mentorNames[i]), i == 3 ? "Senior HR Business Partner"
						: "Principal " + (i < 2 ? "Engineer" : "Account Executive"), "Happy to help you grow.");
				mentorProfile(mentor, "Senior", skills[i][0], 4, i >= 2);
				tags(institution, mentor, "SKILL", skills[i]);
				availability(mentor, "America/New_York");
				mentors.add(mentor);
			}
			String[] menteeNames = { "Chris Young", "Dana Brooks", "Eli Turner", "Fatima Khan", "Gabe Silva" };
			List<Long> mentees = new ArrayList<>();
			for (int i = 0; i < menteeNames.length; i++) {
				String email = i == 0 ? "mentee@acme.demo" : "mentee" + (i + 1) + "@acme.demo";
				long mentee = user(institution, i < 3 ? engineering : sales, "acme.mentee" + (i + 1), email,
						menteeNames[i], RoleName.MENTEE);
				profile(mentee, first(menteeNames[i]), last(menteeNames[i]), i < 3 ? "Software Engineer" : "Account Manager",
						"Growing my career at Acme.");
				tags(institution, mentee, "INTEREST", i < 3 ? new String[] { "Java", "Leadership" }
						: new String[] { "Public speaking", "Negotiation" });
				availability(mentee, "America/New_York");
				mentees.add(mentee);
			}
			String[] motherNames = { "Julia Hart", "Rosa Alvarez" };
			List<Long> mothers = new ArrayList<>();
			for (int i = 0; i < motherNames.length; i++) {
				String email = i == 0 ? "mother@acme.demo" : "mother" + (i + 1) + "@acme.demo";
				long mother = user(institution, i == 0 ? engineering : sales, "acme.mother" + (i + 1), email,
						motherNames[i], RoleName.NEW_MOTHER);
				grant(mother, RoleName.MENTEE);
				profile(mother, first(motherNames[i]), last(motherNames[i]), i == 0 ? "Engineering Manager" : "Sales Lead",
						"Returning from parental leave.");
				tags(institution, mother, "INTEREST", new String[] { "Return to work", "Work-life balance" });
				availability(mother, "America/New_York");
				mothers.add(mother);
			}
			Map<Long, Integer> load = new HashMap<>();
			for (int i = 0; i < mentees.size(); i++) {
				long mentor = mentors.get(i % 3);
				String status = i < 4 ? "ACTIVE" : "REQUESTED";
				long mentorship = mentorship(institution, null, mentor, mentees.get(i), status, admin,
						"Grow into a senior role within a year.");
				if (status.equals("ACTIVE")) {
					load.merge(mentor, 1, Integer::sum);
					sessions(mentorship, mentor, mentees.get(i), true, 6);
				}
				goals(mentees.get(i), mentor, mentorship);
				notifications(mentees.get(i), 30);
			}
			for (long mother : mothers) {
				long mentor = mentors.get(3);
				long mentorship = mentorship(institution, null, mentor, mother, "ACTIVE", admin,
						"A confident return to work after parental leave.");
				load.merge(mentor, 1, Integer::sum);
				sessions(mentorship, mentor, mother, true, 5);
				goals(mother, mentor, mentorship);
				notifications(mother, 30);
			}
			load.forEach(DemoDataLoader.this::mentorCount);
			mentors.forEach(mentor -> notifications(mentor, 20));
			workingMotherSupport(institution, admin, mothers, mentees);
			messagesAndConnections(mentors, mentees, mothers);
			learningPaths(institution, admin, mentees);
			resources(institution, admin, mothers);
			supportTickets(institution, mentees, admin);
			auditTrail(institution, admin, mentees);
		}

	}

	// ---------------------------------------------------------------- building blocks

	private long user(Long institution, Long department, String username, String email, String fullName,
			RoleName role) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("institution_id", institution);
		values.put("department_id", department);
		values.put("primary_role_id", this.roleIds.get(role));
		values.put("username", username);
		values.put("email", email);
		values.put("full_name", fullName);
		values.put("password_hash", this.passwordHash);
		values.put("status", "ACTIVE");
		values.put("time_zone", institution == null ? "UTC" : "Europe/London");
		values.put("created_at", this.now.minusDays(200 + this.random.nextInt(100)));
		values.put("updated_at", this.now.minusDays(this.random.nextInt(30)));
		long id = insert("users", values);
		grant(id, role);
		return id;
	}

	private void grant(long user, RoleName role) {
		this.jdbc.sql("INSERT INTO user_roles (user_id, role_id, granted_at) VALUES (:user, :role, :at)")
			.param("user", user)
			.param("role", this.roleIds.get(role))
			.param("at", this.now.minusDays(200))
			.update();
	}

	private void profile(long user, String firstName, String lastName, String title, String bio) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("user_id", user);
		values.put("first_name", firstName);
		values.put("last_name", lastName);
		values.put("title", title);
		values.put("bio", bio);
		values.put("position", title);
		values.put("years_of_experience", title == null ? null : 3 + this.random.nextInt(20));
		values.put("preferred_communication", List.of("VIDEO", "EMAIL", "CHAT", "IN_PERSON").get(this.random.nextInt(4)));
		values.put("onboarding_status", "COMPLETED");
		values.put("onboarding_step", 4);
		values.put("onboarding_completed_at", this.now.minusDays(150));
		values.put("created_at", this.now.minusDays(200));
		values.put("updated_at", this.now.minusDays(10));
		insert("user_profiles", values);
	}

	private void mentorProfile(long user, String designation, String specialization, int capacity,
			boolean supportsNewMothers) {
		insert("mentor_profiles", row("user_id", user, "designation", designation, "specialization", specialization,
				"mentorship_style", "Goal-oriented, with regular check-ins", "max_mentees", capacity,
				"current_mentee_count", 0, "accepting_new_mentees", true, "supports_new_mothers", supportsNewMothers,
				"created_at", this.now.minusDays(200), "updated_at", this.now.minusDays(5)));
	}

	private void mentorCount(long mentor, int count) {
		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = :count WHERE user_id = :mentor")
			.param("count", count)
			.param("mentor", mentor)
			.update();
	}

	private final Map<String, Long> tagIds = new HashMap<>();

	private void tags(long institution, long user, String kind, String[] names) {
		for (String name : names) {
			String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9+#]+", "-");
			long tag = this.tagIds.computeIfAbsent(institution + "/" + slug, key -> insert("tags",
					row("institution_id", institution, "name", name, "slug", slug, "created_at", this.now.minusDays(300))));
			this.jdbc.sql("INSERT INTO user_tags (user_id, tag_id, kind) VALUES (:user, :tag, :kind)")
				.param("user", user)
				.param("tag", tag)
				.param("kind", kind)
				.update();
		}
	}

	private void availability(long user, String zone) {
		int day = 1 + this.random.nextInt(5);
		for (int d : new int[] { day, 1 + (day + 1) % 5 }) {
			int start = 9 + this.random.nextInt(6);
			insert("availability_slots", row("user_id", user, "day_of_week", d, "start_time", LocalTime.of(start, 0),
					"end_time", LocalTime.of(start + 2, 0), "time_zone", zone, "created_at", this.now.minusDays(100)));
		}
	}

	private long mentorship(long institution, Long department, long mentor, long mentee, String status, long admin,
			String goal) {
		LocalDateTime created = this.now.minusDays(130 + this.random.nextInt(20));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("institution_id", institution);
		values.put("department_id", department);
		values.put("mentor_id", mentor);
		values.put("mentee_id", mentee);
		values.put("status", status);
		values.put("goal", goal);
		values.put("requested_by_id", mentee);
		values.put("created_at", created);
		values.put("updated_at", this.now.minusDays(2));
		if (!status.equals("REQUESTED")) {
			values.put("assigned_by_id", admin);
			values.put("decided_by_id", admin);
			values.put("decided_at", created.plusDays(1));
			values.put("assigned_at", created.plusDays(1));
			values.put("notes", "Matched on shared interests and department.");
		}
		if (status.equals("PAUSED")) {
			values.put("paused_at", this.now.minusDays(12));
		}
		if (status.equals("ENDED")) {
			values.put("ended_at", this.now.minusDays(20));
			values.put("end_reason", "Goals met; the student graduated from the program.");
		}
		return insert("mentorships", values);
	}

	private static final String[] TOPICS = { "Getting started and setting goals", "Study plan review",
			"Career options", "Project feedback", "Exam preparation", "Networking", "Time management",
			"Internship applications", "Research interests", "Mid-term check-in", "Presentation practice",
			"Next-term planning" };

	private void sessions(long mentorship, long mentor, long mentee, boolean ongoing, int pastCount) {
		LocalDateTime first = this.now.minusDays(14L * pastCount + 3).withHour(10 + this.random.nextInt(6))
			.withMinute(0);
		for (int i = 0; i < pastCount; i++) {
			LocalDateTime at = first.plusDays(14L * i);
			boolean cancelled = this.random.nextInt(10) == 0;
			Map<String, Object> values = sessionValues(mentorship, mentor, mentee, TOPICS[i % TOPICS.length], at);
			values.put("status", cancelled ? "CANCELLED" : "COMPLETED");
			if (cancelled) {
				values.put("cancelled_at", at.minusDays(1));
				values.put("response_message", "Clash with an exam; let us meet next time.");
			}
			else {
				values.put("topic", TOPICS[i % TOPICS.length]);
				values.put("summary", "Reviewed progress and agreed the next steps.");
				values.put("attendance", this.random.nextInt(12) == 0 ? "LATE" : "PRESENT");
				values.put("next_meeting_on", at.plusDays(14).toLocalDate());
				values.put("completed_at", at.plusMinutes(60));
			}
			long session = insert("mentoring_sessions", values);
			if (!cancelled) {
				sessionFollowUps(session, mentor, mentee, at);
			}
		}
		if (ongoing) {
			LocalDateTime next = this.now.plusDays(2 + this.random.nextInt(10)).withHour(14).withMinute(0).withSecond(0);
			Map<String, Object> confirmed = sessionValues(mentorship, mentor, mentee, "Progress check-in", next);
			confirmed.put("status", "CONFIRMED");
			confirmed.put("agenda", "1. Wins since last time\n2. Blockers\n3. Next goals");
			insert("mentoring_sessions", confirmed);
			Map<String, Object> proposed = sessionValues(mentorship, mentor, mentee, "Planning the next term",
					next.plusDays(14));
			proposed.put("status", "PROPOSED");
			proposed.put("proposed_by_id", mentor);
			insert("mentoring_sessions", proposed);
		}
	}

	private Map<String, Object> sessionValues(long mentorship, long mentor, long mentee, String title,
			LocalDateTime at) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("mentorship_id", mentorship);
		values.put("mentor_id", mentor);
		values.put("mentee_id", mentee);
		values.put("title", title);
		values.put("description", "Regular mentoring session.");
		values.put("scheduled_at", at);
		values.put("time_zone", "Europe/London");
		values.put("duration_minutes", 60);
		boolean online = this.random.nextBoolean();
		values.put("mode", online ? "ONLINE" : "IN_PERSON");
		values.put(online ? "meeting_link" : "location", online ? "https://meet.example.org/mentorhub-" + mentorship
				: "Library, room " + (100 + this.random.nextInt(50)));
		values.put("created_by_id", mentor);
		values.put("ical_uid", "session-" + java.util.UUID.nameUUIDFromBytes((mentorship + "/" + at).getBytes(
				java.nio.charset.StandardCharsets.UTF_8)) + "@mentorhub");
		values.put("created_at", at.minusDays(7));
		values.put("updated_at", at.minusDays(1));
		return values;
	}

	private void sessionFollowUps(long session, long mentor, long mentee, LocalDateTime at) {
		insert("session_notes", row("session_id", session, "created_by_id", mentor, "content",
				"Good progress. Follow up on the study plan.", "is_private", false, "created_at", at.plusHours(1),
				"updated_at", at.plusHours(1)));
		if (this.random.nextInt(3) == 0) {
			LocalDateTime due = at.plusDays(10);
			String status = due.isBefore(this.now) ? (this.random.nextInt(4) == 0 ? "IN_PROGRESS" : "COMPLETED")
					: "PENDING";
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("session_id", session);
			item.put("assigned_to_id", mentee);
			item.put("created_by_id", mentor);
			item.put("title", "Draft the next milestone");
			item.put("description", "Write down the next milestone and share it before the next session.");
			item.put("due_date", due);
			item.put("status", status);
			item.put("completed_at", status.equals("COMPLETED") ? due.minusDays(1) : null);
			item.put("created_at", at.plusHours(1));
			item.put("updated_at", at.plusDays(2));
			insert("action_items", item);
		}
		if (this.random.nextInt(2) == 0) {
			insert("session_feedback", row("session_id", session, "giver_id", mentee, "recipient_id", mentor, "type",
					"MENTEE_TO_MENTOR", "rating", 3 + this.random.nextInt(3), "comments", "Helpful and encouraging.",
					"visibility", "SHARED", "created_at", at.plusHours(3), "updated_at", at.plusHours(3)));
			insert("session_feedback", row("session_id", session, "giver_id", mentor, "recipient_id", mentee, "type",
					"MENTOR_TO_MENTEE", "rating", 3 + this.random.nextInt(3), "comments", "Well prepared.",
					"visibility", "SHARED", "created_at", at.plusHours(4), "updated_at", at.plusHours(4)));
		}
	}

	private static final String[][] GOALS = { { "Raise my GPA above 3.0", "ACADEMIC" },
			{ "Land a summer internship", "CAREER" }, { "Present at a conference", "SKILL" },
			{ "Build a weekly study routine", "PERSONAL" } };

	private void goals(long student, long mentor, long mentorship) {
		for (int g = 0; g < 2; g++) {
			String[] goal = GOALS[(int) ((student + g) % GOALS.length)];
			int progress = 10 * this.random.nextInt(11);
			String status = progress == 100 ? "COMPLETED" : progress == 0 ? "NOT_STARTED"
					: this.random.nextInt(5) == 0 ? "AT_RISK" : "IN_PROGRESS";
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("student_id", student);
			values.put("mentorship_id", mentorship);
			values.put("title", goal[0]);
			values.put("category", goal[1]);
			values.put("description", "Agreed with my mentor.");
			values.put("target_date", this.now.toLocalDate().plusDays(30 + this.random.nextInt(120)));
			values.put("status", status);
			values.put("progress_pct", progress);
			values.put("created_by_id", student);
			values.put("completed_at", status.equals("COMPLETED") ? this.now.minusDays(5) : null);
			values.put("created_at", this.now.minusDays(90));
			values.put("updated_at", this.now.minusDays(5));
			long id = insert("goals", values);
			int steps = progress / 20;
			for (int u = 1; u <= steps; u++) {
				insert("goal_updates", row("goal_id", id, "noted_by_id", u % 2 == 0 ? mentor : student, "note",
						"Progress update " + u + ".", "progress_pct", Math.min(progress, u * 20), "status",
						u * 20 >= 100 ? "COMPLETED" : "IN_PROGRESS", "created_at", this.now.minusDays(90 - 15L * u)));
			}
		}
	}

	private static final String[][] NOTIFICATIONS = { { "SESSION_CONFIRMED", "Session confirmed",
			"Your next session is confirmed." }, { "SESSION_REMINDER", "Session tomorrow", "Reminder: you have a session tomorrow." },
			{ "ACTION_ITEM_DUE", "Action item due", "An action item is due in two days." },
			{ "GOAL_UPDATED", "Goal updated", "Your mentor commented on a goal." },
			{ "MESSAGE_RECEIVED", "New message", "You have a new message." } };

	private void notifications(long user, int count) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String[] n = NOTIFICATIONS[i % NOTIFICATIONS.length];
			LocalDateTime at = this.now.minusHours(6L * (count - i) + this.random.nextInt(5));
			rows.add(new Object[] { user, n[0], n[1], n[2], "{\"demo\":true}", i < count - 3 ? at.plusHours(2) : null,
					at });
		}
		batch("INSERT INTO notifications (user_id, type, title, body, payload, read_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	private void alerts(long institution, long student, BigDecimal gpa, BigDecimal attendance, String risk) {
		boolean attendanceProblem = attendance.doubleValue() < 75;
		long alert = insert("alerts", row("institution_id", institution, "student_id", student, "severity",
				risk.equals("HIGH") ? "CRITICAL" : "WARN", "category", attendanceProblem ? "ATTENDANCE" : "GPA", "message",
				attendanceProblem ? "Attendance is " + attendance + "%, below the 75% threshold."
						: "GPA is " + gpa + ", below the 2.8 threshold.",
				"source_ref", attendanceProblem ? "rule:attendance-below-75" : "rule:gpa-below-2.8", "status", "OPEN",
				"created_at", this.now.minusDays(this.random.nextInt(20)), "updated_at", this.now.minusDays(1)));
		insert("alert_events", row("alert_id", alert, "to_status", "OPEN", "note", "Raised by the nightly rule run.",
				"created_at", this.now.minusDays(20)));
	}

	private void learningPaths(long institution, long admin, List<Long> learners) {
		String[][] paths = { { "Leading without authority", "leadership" }, { "Research skills", "technical" },
				{ "Presenting with confidence", "communication" } };
		for (String[] p : paths) {
			long path = insert("learning_paths", row("institution_id", institution, "title", p[0], "category", p[1],
					"description", "A short, practical path.", "is_published", true, "created_by_id", admin, "created_at",
					this.now.minusDays(120), "updated_at", this.now.minusDays(60)));
			List<Long> modules = new ArrayList<>();
			for (int m = 1; m <= 4; m++) {
				modules.add(insert("learning_path_modules", row("path_id", path, "position", m, "title",
						"Module " + m + ": " + List.of("Foundations", "Practice", "Feedback", "Reflection").get(m - 1),
						"description", "Read, try, reflect.", "estimated_minutes", 30 + 15 * m)));
			}
			for (int l = 0; l < Math.min(6, learners.size()); l++) {
				int done = this.random.nextInt(5);
				Map<String, Object> progress = new LinkedHashMap<>();
				progress.put("user_id", learners.get(l));
				progress.put("path_id", path);
				progress.put("progress_pct", done * 25);
				progress.put("started_at", this.now.minusDays(50));
				progress.put("completed_at", done == 4 ? this.now.minusDays(3) : null);
				progress.put("updated_at", this.now.minusDays(3));
				long id = insert("user_learning_progress", progress);
				for (int m = 0; m < done; m++) {
					this.jdbc.sql("INSERT INTO learning_module_completions (progress_id, module_id, completed_at) "
							+ "VALUES (:progress, :module, :at)")
						.param("progress", id)
						.param("module", modules.get(m))
						.param("at", this.now.minusDays(40 - 8L * m))
						.update();
				}
			}
		}
	}

	private void resources(long institution, long admin, List<Long> readers) {
		String[][] resources = { { "Five-minute breathing break", "MEDITATION", "wellbeing" },
				{ "The mentee's handbook", "GUIDEBOOK", "getting-started" },
				{ "How I went back to work", "STORY", "parenthood" }, { "Goal setting that sticks", "COURSE", "growth" },
				{ "Recorded panel: careers after graduation", "VIRTUAL_SESSION", "careers" } };
		for (String[] r : resources) {
			long resource = insert("resources", row("institution_id", institution, "title", r[0], "description",
					"A resource from the library.", "type", r[1], "category", r[2], "uploaded_by_id", admin, "url",
					"https://resources.example.org/" + r[2], "is_published", true, "published_at", this.now.minusDays(80),
					"created_at", this.now.minusDays(80), "updated_at", this.now.minusDays(80)));
			long tag = this.tagIds.computeIfAbsent(institution + "/" + r[2], key -> insert("tags", row("institution_id",
					institution, "name", r[2], "slug", r[2], "created_at", this.now.minusDays(80))));
			this.jdbc.sql("INSERT INTO resource_tags (resource_id, tag_id) VALUES (:resource, :tag)")
				.param("resource", resource)
				.param("tag", tag)
				.update();
			insert("resource_comments", row("resource_id", resource, "user_id", readers.get(0), "content",
					"Thank you, this helped.", "created_at", this.now.minusDays(20), "updated_at", this.now.minusDays(20)));
		}
	}

	private void workingMotherSupport(long institution, long admin, List<Long> mothers, List<Long> colleagues) {
		long returners = insert("support_groups", row("institution_id", institution, "name", "Returning parents",
				"description", "Peer support for the first months back at work.", "member_count", mothers.size(),
				"last_active_at", this.now.minusDays(1), "created_by_id", admin, "created_at", this.now.minusDays(200),
				"updated_at", this.now.minusDays(1)));
		insert("support_groups", row("institution_id", institution, "name", "Expecting parents", "description",
				"Planning for leave, together.", "member_count", 0, "created_by_id", admin, "created_at",
				this.now.minusDays(200), "updated_at", this.now.minusDays(30)));
		String[][] milestones = { { "PREGNANCY", "Shared the news with my manager", "240" },
				{ "LEAVE_START", "Parental leave started", "170" }, { "BIRTH", "Welcome, baby!", "160" },
				{ "RETURN_TO_WORK", "First week back", "20" } };
		for (int i = 0; i < mothers.size(); i++) {
			long mother = mothers.get(i);
			insert("group_memberships", row("user_id", mother, "group_id", returners, "role", "MEMBER", "joined_at",
					this.now.minusDays(25)));
			for (String[] m : milestones) {
				insert("milestone_logs", row("user_id", mother, "type", m[0], "title", m[1], "notes", "", "milestone_date",
						this.now.toLocalDate().minusDays(Long.parseLong(m[2]) + 10L * i), "created_at",
						this.now.minusDays(Long.parseLong(m[2]) + 10L * i)));
			}
			Map<String, Object> proxy = new LinkedHashMap<>();
			proxy.put("mother_id", mother);
			proxy.put("proxy_id", colleagues.get(i));
			proxy.put("status", "COMPLETED");
			proxy.put("start_date", this.now.toLocalDate().minusDays(170 + 10L * i));
			proxy.put("expected_end_date", this.now.toLocalDate().minusDays(25));
			proxy.put("actual_end_date", this.now.toLocalDate().minusDays(20 + 10L * i));
			proxy.put("notes", "Covered the weekly team sync and client calls.");
			proxy.put("decided_at", this.now.minusDays(180));
			proxy.put("created_at", this.now.minusDays(185));
			proxy.put("updated_at", this.now.minusDays(20));
			insert("proxy_requests", proxy);
		}
	}

	private void messagesAndConnections(List<Long> mentors, List<Long> mentees, List<Long> mothers) {
		List<Long> people = new ArrayList<>(mentees);
		people.addAll(mothers);
		for (int i = 0; i < people.size(); i++) {
			long mentee = people.get(i);
			long mentor = i < mentees.size() ? mentors.get(i % 3) : mentors.get(3);
			insert("user_connections", row("requester_id", mentee, "receiver_id", mentor, "user_low_id",
					Math.min(mentee, mentor), "user_high_id", Math.max(mentee, mentor), "status", "ACCEPTED", "created_at",
					this.now.minusDays(100), "updated_at", this.now.minusDays(99)));
			for (int m = 0; m < 4; m++) {
				boolean fromMentee = m % 2 == 0;
				LocalDateTime at = this.now.minusDays(10L - 2 * m);
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("sender_id", fromMentee ? mentee : mentor);
				message.put("receiver_id", fromMentee ? mentor : mentee);
				message.put("message", fromMentee ? "Could we look at my plan before our next session?"
						: "Of course. Send it over and I will read it before then.");
				message.put("is_read", m < 3);
				message.put("read_at", m < 3 ? at.plusHours(1) : null);
				message.put("created_at", at);
				insert("direct_messages", message);
			}
		}
	}

	private void supportTickets(long institution, List<Long> reporters, long admin) {
		String[][] tickets = { { "Cannot see my mentor's availability", "IN_PROGRESS", "MATCHING" },
				{ "Calendar invite shows the wrong time", "RESOLVED", "SESSIONS" },
				{ "Please change my department", "OPEN", "ACCOUNT" } };
		for (int i = 0; i < tickets.length; i++) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("institution_id", institution);
			values.put("user_id", reporters.get(i));
			values.put("title", tickets[i][0]);
			values.put("description", "Details: " + tickets[i][0].toLowerCase(java.util.Locale.ROOT) + ".");
			values.put("category", tickets[i][2]);
			values.put("status", tickets[i][1]);
			values.put("assigned_to_id", tickets[i][1].equals("OPEN") ? null : admin);
			values.put("resolved_at", tickets[i][1].equals("RESOLVED") ? this.now.minusDays(2) : null);
			values.put("created_at", this.now.minusDays(10 - i));
			values.put("updated_at", this.now.minusDays(2));
			long issue = insert("reported_issues", values);
			insert("issue_messages", row("issue_id", issue, "user_id", reporters.get(i), "message",
					"It started this week.", "created_at", this.now.minusDays(10 - i)));
			if (!tickets[i][1].equals("OPEN")) {
				insert("issue_messages", row("issue_id", issue, "user_id", admin, "message",
						"Thanks, we are looking into it.", "created_at", this.now.minusDays(9 - i)));
			}
		}
	}

	/** A past audit trail, at least the 10,000s of rows seed 003's post-seed figures name for the university. */
	private void auditTrail(long institution, long admin, List<Long> users) {
		List<Object[]> rows = new ArrayList<>();
		int total = institution == institutionIdOf(UNIVERSITY_CODE) ? 10_500 : 1_500;
		String[] agents = { "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0", "Mozilla/5.0 (Macintosh) Safari/18.1",
				"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" };
		for (int i = 0; i < total; i++) {
			long user = i % 25 == 0 ? admin : users.get(i % users.size());
			boolean failure = i % 40 == 7;
			LocalDateTime at = this.now.minusMinutes((long) (total - i) * 12);
			rows.add(new Object[] { user, institution, failure ? "SIGN_IN_FAILED" : "SIGN_IN_SUCCEEDED", "users",
					String.valueOf(user), "10.0." + (i % 200) + "." + (1 + i % 250), agents[i % agents.length], at });
		}
		batch("INSERT INTO audit_logs (user_id, institution_id, action, entity, entity_id, ip, user_agent, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private long institutionIdOf(String code) {
		return this.jdbc.sql("SELECT id FROM institutions WHERE code = :code").param("code", code).query(Long.class).single();
	}

	// ---------------------------------------------------------------- JDBC helpers

	private long insert(String table, Map<String, ?> values) {
		StringJoiner columns = new StringJoiner(", ");
		StringJoiner parameters = new StringJoiner(", ");
		values.keySet().forEach(column -> {
			columns.add(column);
			parameters.add(":" + column);
		});
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + parameters + ")");
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			statement = statement.param(entry.getKey(), entry.getValue());
		}
		if (!values.containsKey("id") && !table.endsWith("_profiles")) {
			KeyHolder keys = new GeneratedKeyHolder();
			statement.update(keys, "id");
			return keys.getKeyAs(Number.class).longValue();
		}
		statement.update();
		return ((Number) values.get("user_id")).longValue();
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 500) {
			this.jdbcTemplate.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 500)));
		}
	}

	/** A row of column names and values, in order; values may be null. */
	private static Map<String, Object> row(Object... columnsAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return row;
	}

	private static String first(String name) {
		String[] parts = name.replace("Dr. ", "").replace("Prof. ", "").split(" ");
		return parts[0];
	}

	private static String last(String name) {
		String[] parts = name.split(" ");
		return parts[parts.length - 1];
	}

}
