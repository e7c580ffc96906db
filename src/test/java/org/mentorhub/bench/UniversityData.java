package org.mentorhub.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.mentorhub.bench.BulkWriter.Table;

/**
 * The benchmarks' data set (bench only), generated with each database's bulk path ({@link BulkWriter}):
 * institutions and departments; people (one platform administrator, an administrator per institution, a
 * coordinator per department, mentors and mentees) with profiles, tags and availability; mentorships,
 * each mentor's in rounds of ten (seven ACTIVE, one PAUSED, one ENDED, one REQUESTED, so that
 * {@code mentor_profiles.current_mentee_count} equals the mentor's ACTIVE and PAUSED mentorships); sessions
 * spread over three years with notes, action items and feedback on the completed ones; goals and their
 * updates, alerts, connections and direct messages for the active mentorships; notifications and audit rows
 * for everyone.
 * <p>
 * Everyone signs in with one password (one hash, computed once by the caller); the e-mails follow
 * {@link #email}: {@code mentor-0@bench.example}, {@code mentee-0@...}, {@code coordinator-0@...},
 * {@code admin-0@...}, {@code platform-0@...} (with a prefix when one database holds several sets). Ids are
 * computed past the largest existing id of each table, so the set can be added to a database that has the
 * demo data. {@link #generate} does nothing when the first institution of the set exists already.
 */
public final class UniversityData {

	/** The sizes of a data set; {@link #UNIVERSITY} is QUALITY.md's university scale. */
	public record Sizes(int users, int institutions, int departments, int mentors, int mentorships, int sessions,
			int notifications, int auditRows) {

		public static final Sizes UNIVERSITY = new Sizes(50_000, 2, 12, 2_000, 20_000, 1_000_000, 2_500_000,
				2_500_000);

		/**
		 * These sizes, each overridden by its system property ({@code bench.users}, {@code bench.institutions},
		 * {@code bench.departments}, {@code bench.mentors}, {@code bench.mentorships}, {@code bench.sessions},
		 * {@code bench.notifications}, {@code bench.auditRows}) and then divided by {@code bench.scale}
		 * (e.g. 100 for a 1/100 trial run; institutions and departments are not divided).
		 */
		public Sizes fromSystemProperties() {
			int scale = Integer.getInteger("bench.scale", 1);
			return new Sizes(Integer.getInteger("bench.users", users) / scale,
					Integer.getInteger("bench.institutions", institutions),
					Integer.getInteger("bench.departments", departments),
					Integer.getInteger("bench.mentors", mentors) / scale,
					Integer.getInteger("bench.mentorships", mentorships) / scale,
					Integer.getInteger("bench.sessions", sessions) / scale,
					Integer.getInteger("bench.notifications", notifications) / scale,
					Integer.getInteger("bench.auditRows", auditRows) / scale);
		}

		int staff() {
			return 1 + this.institutions + this.departments;
		}

		int mentees() {
			return this.users - staff() - this.mentors;
		}

		void validate() {
			check(this.institutions > 0 && this.departments % this.institutions == 0,
					"departments must be a multiple of institutions");
			check(this.mentors > 0 && this.mentors % this.institutions == 0, "mentors must be a multiple of institutions");
			check(mentees() >= this.mentorships, "every mentorship needs its own mentee: users too few");
			check(this.mentorships <= 80 * this.mentors, "at most 80 mentorships per mentor (max_mentees <= 100)");
		}

		@Override
		public String toString() {
			return String.format("%,d users (%,d mentors, %,d mentees) in %d institutions and %d departments, "
					+ "%,d mentorships, %,d sessions, %,d notifications, %,d audit rows", this.users, this.mentors,
					mentees(), this.institutions, this.departments, this.mentorships, this.sessions, this.notifications,
					this.auditRows);
		}

	}

	/** What {@link #generate} did: rows written (0 if the set was there) and the time it took. */
	public record Result(long rows, double seconds) {
	}

	/** The tables the set writes to, parents first. */
	static final String[] TABLES = { "institutions", "departments", "users", "user_roles", "user_profiles",
			"mentor_profiles", "student_profiles", "tags", "user_tags", "availability_slots", "mentorships",
			"mentoring_sessions", "session_notes", "action_items", "session_feedback", "goals", "goal_updates", "alerts",
			"alert_events", "user_connections", "direct_messages", "notifications", "audit_logs" };

	private static final String[] FIRST = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophia", "Lucas", "Mia",
			"Mason", "Isla", "Leo", "Amelia", "Oscar", "Chloe", "Arjun", "Zara", "Kai", "Nina", "Theo", "Priya", "Hugo",
			"Freya", "Ibrahim", "Lily", "Mateo", "Ella", "Yusuf", "Grace", "Finn", "Maya", "Omar", "Lena", "Kwame" };

	private static final String[] LAST = { "Walker", "Nguyen", "Brown", "Rossi", "Kowalski", "Ahmed", "Garcia", "Murphy",
			"Schmidt", "Dubois", "Singh", "Becker", "Novak", "Haddad", "Kim", "Wagner", "Souza", "Mensah", "Chen", "Okafor",
			"Patel", "Lee", "Fischer", "Osei", "Marino", "Carter", "Young", "Brooks", "Turner", "Khan", "Silva" };

	private static final String[] TAGS = { "Java", "Python", "Algorithms", "Career planning", "Leadership", "Finance",
			"Public speaking", "Machine learning", "Research", "Robotics", "Project management", "Marketing",
			"Entrepreneurship", "Databases", "Cloud", "Statistics", "Mathematics", "Study skills", "Design", "Writing" };

	private static final String[][] NOTIFICATIONS = {
			{ "SESSION_CONFIRMED", "Session confirmed", "Your next session is confirmed." },
			{ "SESSION_REMINDER", "Session tomorrow", "Reminder: you have a session tomorrow." },
			{ "ACTION_ITEM_DUE", "Action item due", "An action item is due in two days." },
			{ "GOAL_UPDATED", "Goal updated", "Your mentor commented on a goal." },
			{ "MESSAGE_RECEIVED", "New message", "You have a new message." } };

	private static final String[] AGENTS = { "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0",
			"Mozilla/5.0 (Macintosh) Safari/18.1", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" };

	private static final String[] MENTORSHIP_ROUND = { "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE",
			"ACTIVE", "PAUSED", "ENDED", "REQUESTED" };

	private final DataSource dataSource;

	private final String prefix;

	private final String passwordHash;

	private final Sizes sizes;

	private final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);

	private final Map<String, Long> base = new HashMap<>();

	private final Map<String, Long> roles = new HashMap<>();

	/**
	 * @param prefix put before every e-mail, username and institution code of the set ("" for the
	 * university set; another prefix lets a second set live in the same database)
	 * @param passwordHash the hash every generated person signs in with
	 */
	public UniversityData(DataSource dataSource, String prefix, String passwordHash, Sizes sizes) {
		sizes.validate();
		this.dataSource = dataSource;
		this.prefix = prefix;
		this.passwordHash = passwordHash;
		this.sizes = sizes;
	}

	/** The e-mail of the n-th generated person of a kind: platform, admin, coordinator, mentor or mentee. */
	public static String email(String prefix, String kind, int n) {
		return prefix + kind + "-" + n + "@bench.example";
	}

	public String email(String kind, int n) {
		return email(this.prefix, kind, n);
	}

	/** The code of the i-th institution of the set. */
	public String institutionCode(int i) {
		return (this.prefix + "bench" + (i + 1)).toUpperCase(java.util.Locale.ROOT);
	}

	public Sizes sizes() {
		return this.sizes;
	}

	/** Writes the set, unless its first institution exists already. */
	public Result generate() throws SQLException {
		long started = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			try (Statement s = connection.createStatement();
					var rs = s.executeQuery("SELECT COUNT(*) FROM institutions WHERE code = '" + institutionCode(0) + "'")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					return new Result(0, (System.nanoTime() - started) / 1e9);
				}
			}
			BulkWriter writer = new BulkWriter(connection);
			try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT name, id FROM roles")) {
				while (rs.next()) {
					this.roles.put(rs.getString(1), rs.getLong(2));
				}
			}
			for (String table : TABLES) {
				if (!table.equals("user_roles") && !table.endsWith("_profiles") && !table.equals("user_tags")) {
					this.base.put(table, writer.maxId(table) + 1);
				}
			}
			try {
				new Load(writer).run();
			}
			finally {
				writer.foreignKeyChecks(true);
			}
			writer.restartIdentity(this.base.keySet().toArray(String[]::new));
			writer.analyze(TABLES);
			return new Result(writer.rows(), (System.nanoTime() - started) / 1e9);
		}
	}

	private long id(String table, long index) {
		return this.base.get(table) + index;
	}

	static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/** One generation run; people are numbered platform, admins, coordinators, mentors, mentees. */
	private final class Load {

		private final BulkWriter writer;

		private final Sizes n = UniversityData.this.sizes;

		private final Random random = new Random(11);

		private final int firstMentor = this.n.staff();

		private final int firstMentee = this.n.staff() + this.n.mentors();

		/** Per mentorship: its status, its first session's index and how many sessions it has. */
		private final String[] mentorshipStatus = new String[this.n.mentorships()];

		private final int[] sessionCount = new int[this.n.mentorships()];

		/** Per session: hours from now (negative: past) and status; kept for the second pass (notes, feedback). */
		private final int[] sessionHours = new int[this.n.sessions()];

		private final byte[] sessionStatus = new byte[this.n.sessions()];

		private static final String[] SESSION_STATUS = { "COMPLETED", "CANCELLED", "REJECTED", "CONFIRMED", "PROPOSED",
				"REQUESTED" };

		Load(BulkWriter writer) {
			this.writer = writer;
		}

		void run() {
			organizations();
			people();
			profiles();
			mentorships();
			sessions();
			followUps();
			goals();
			alertsAndMessages();
			notificationsAndAudit();
		}

		long user(int person) {
			return id("users", person);
		}

		int institutionOf(int person) {
			if (person == 0) {
				return -1;
			}
			if (person <= this.n.institutions()) {
				return person - 1;
			}
			return departmentOf(person) % this.n.institutions();
		}

		/** The department index of a person; -1 for the platform administrator and the institution administrators. */
		int departmentOf(int person) {
			if (person <= this.n.institutions()) {
				return -1;
			}
			if (person < this.firstMentor) {
				return person - 1 - this.n.institutions();
			}
			return (person < this.firstMentee ? person - this.firstMentor : person - this.firstMentee) % this.n.departments();
		}

		String kind(int person) {
			return person == 0 ? "platform" : person <= this.n.institutions() ? "admin"
					: person < this.firstMentor ? "coordinator" : person < this.firstMentee ? "mentor" : "mentee";
		}

		int number(int person) {
			return switch (kind(person)) {
				case "platform" -> 0;
				case "admin" -> person - 1;
				case "coordinator" -> person - 1 - this.n.institutions();
				case "mentor" -> person - this.firstMentor;
				default -> person - this.firstMentee;
			};
		}

		String role(int person) {
			return switch (kind(person)) {
				case "platform" -> "PLATFORM_ADMIN";
				case "admin" -> "ADMIN";
				case "coordinator" -> "COORDINATOR";
				case "mentor" -> "MENTOR";
				default -> "MENTEE";
			};
		}

		Long institution(int index) {
			return index < 0 ? null : id("institutions", index);
		}

		Long department(int index) {
			return index < 0 ? null : id("departments", index);
		}

		String name(int person) {
			return FIRST[person % FIRST.length] + " " + LAST[(person / FIRST.length) % LAST.length] + " " + person;
		}

		LocalDateTime hoursAgo(long hours) {
			return UniversityData.this.now.minusHours(hours);
		}

		void organizations() {
			try (Table t = this.writer.table("institutions", "id", "name", "code", "kind", "time_zone")) {
				for (int i = 0; i < this.n.institutions(); i++) {
					t.row(id("institutions", i), "Bench University " + (i + 1), institutionCode(i), "UNIVERSITY",
							"Europe/London");
				}
			}
			try (Table t = this.writer.table("departments", "id", "institution_id", "name", "code")) {
				for (int d = 0; d < this.n.departments(); d++) {
					t.row(id("departments", d), institution(d % this.n.institutions()), "Department " + (d + 1),
							"D" + (d + 1));
				}
			}
		}

		void people() {
			try (Table t = this.writer.table("users", "id", "institution_id", "department_id", "primary_role_id",
					"username", "email", "full_name", "password_hash", "status", "time_zone", "created_at")) {
				for (int p = 0; p < this.n.users(); p++) {
					t.row(user(p), institution(institutionOf(p)), department(departmentOf(p)),
							UniversityData.this.roles.get(role(p)), UniversityData.this.prefix + kind(p) + "-" + number(p),
							email(kind(p), number(p)), name(p), UniversityData.this.passwordHash, "ACTIVE",
							"Europe/London", hoursAgo(24L * (200 + p % 100)));
				}
			}
			try (Table t = this.writer.table("user_roles", "user_id", "role_id")) {
				for (int p = 0; p < this.n.users(); p++) {
					t.row(user(p), UniversityData.this.roles.get(role(p)));
				}
			}
		}

		void profiles() {
			int[] mentees = new int[this.n.mentors()];
			for (int j = 0; j < this.n.mentorships(); j++) {
				String status = MENTORSHIP_ROUND[(j / this.n.mentors()) % MENTORSHIP_ROUND.length];
				this.mentorshipStatus[j] = status;
				if (status.equals("ACTIVE") || status.equals("PAUSED")) {
					mentees[j % this.n.mentors()]++;
				}
			}
			try (Table t = this.writer.table("user_profiles", "user_id", "first_name", "last_name", "title", "bio",
					"visibility", "onboarding_status", "onboarding_step", "onboarding_completed_at")) {
				for (int p = 0; p < this.n.users(); p++) {
					String[] name = name(p).split(" ");
					t.row(user(p), name[0], name[1], p < this.firstMentor ? "Coordinator" : p < this.firstMentee
							? "Associate Professor" : null, "Generated for the benchmark.", "INSTITUTION", "COMPLETED", 4,
							hoursAgo(24L * 150));
				}
			}
			try (Table t = this.writer.table("mentor_profiles", "user_id", "designation", "specialization",
					"max_mentees", "current_mentee_count", "accepting_new_mentees")) {
				for (int m = 0; m < this.n.mentors(); m++) {
					t.row(user(this.firstMentor + m), "Associate Professor", TAGS[m % TAGS.length],
							Math.max(3, mentees[m] + 2), mentees[m], true);
				}
			}
			try (Table t = this.writer.table("student_profiles", "user_id", "roll_number", "program", "year_of_study",
					"gpa", "attendance_pct", "risk_level")) {
				for (int e = 0; e < this.n.mentees(); e++) {
					boolean atRisk = e % 50 == 0;
					t.row(user(this.firstMentee + e), UniversityData.this.prefix.toUpperCase(java.util.Locale.ROOT) + "R"
							+ e, "Programme " + (1 + departmentOf(this.firstMentee + e)), 1 + e % 4,
							BigDecimal.valueOf(atRisk ? 210 : 250 + e % 150, 2), BigDecimal.valueOf(atRisk ? 7000 : 8000 + e % 2000, 2),
							atRisk ? "HIGH" : "LOW");
				}
			}
			try (Table t = this.writer.table("tags", "id", "institution_id", "name", "slug")) {
				for (int i = 0; i < this.n.institutions(); i++) {
					for (int g = 0; g < TAGS.length; g++) {
						t.row(id("tags", (long) i * TAGS.length + g), institution(i), TAGS[g],
								TAGS[g].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
					}
				}
			}
			try (Table t = this.writer.table("user_tags", "user_id", "tag_id", "kind")) {
				for (int p = this.firstMentor; p < this.n.users(); p++) {
					boolean mentor = p < this.firstMentee;
					long tags = (long) institutionOf(p) * TAGS.length;
					for (int g = 0; g < (mentor ? 3 : 2); g++) {
						t.row(user(p), id("tags", tags + (p + 7 * g) % TAGS.length), mentor ? "SKILL" : "INTEREST");
					}
				}
			}
			try (Table t = this.writer.table("availability_slots", "id", "user_id", "day_of_week", "start_time",
					"end_time", "time_zone")) {
				for (int m = 0; m < this.n.mentors(); m++) {
					for (int s = 0; s < 2; s++) {
						t.row(id("availability_slots", 2L * m + s), user(this.firstMentor + m), 1 + (m + 2 * s) % 5,
								LocalTime.of(9 + s * 5, 0), LocalTime.of(11 + s * 5, 0), "Europe/London");
					}
				}
			}
		}

		int mentorOf(int mentorship) {
			return this.firstMentor + mentorship % this.n.mentors();
		}

		int menteeOf(int mentorship) {
			return this.firstMentee + mentorship;
		}

		void mentorships() {
			try (Table t = this.writer.table("mentorships", "id", "institution_id", "department_id", "mentor_id",
					"mentee_id", "status", "goal", "notes", "requested_by_id", "assigned_by_id", "decided_by_id",
					"decided_at", "preference_rank", "assigned_at", "paused_at", "ended_at", "end_reason", "created_at")) {
				for (int j = 0; j < this.n.mentorships(); j++) {
					String status = this.mentorshipStatus[j];
					int mentee = menteeOf(j);
					boolean decided = !status.equals("REQUESTED");
					Long admin = user(1 + institutionOf(mentee));
					LocalDateTime created = hoursAgo(24L * (decided ? 800 : 2));
					t.row(id("mentorships", j), institution(institutionOf(mentee)), department(departmentOf(mentee)),
							user(mentorOf(j)), user(mentee), status, "Grow in studies and career.",
							decided ? "Matched on shared interests." : null, user(mentee), decided ? admin : null,
							decided ? admin : null, decided ? created.plusDays(1) : null, 1,
							decided ? created.plusDays(1) : null, status.equals("PAUSED") ? hoursAgo(24L * 20) : null,
							status.equals("ENDED") ? hoursAgo(24L * 20) : null,
							status.equals("ENDED") ? "Goals met." : null, created);
				}
			}
		}

		void sessions() {
			int withSessions = 0;
			for (String status : this.mentorshipStatus) {
				withSessions += status.equals("REQUESTED") ? 0 : 1;
			}
			int left = this.n.sessions();
			for (int j = 0; j < this.n.mentorships() && withSessions > 0; j++) {
				if (!this.mentorshipStatus[j].equals("REQUESTED")) {
					this.sessionCount[j] = left / withSessions;
					left -= this.sessionCount[j];
					withSessions--;
				}
			}
			// The days the sessions span (bench.sessionDays, default three years): two thirds back, one third ahead.
			int span = Integer.getInteger("bench.sessionDays", 1095);
			int back = span * 2 / 3;
			try (Table t = this.writer.table("mentoring_sessions", "id", "mentorship_id", "mentor_id", "mentee_id",
					"title", "scheduled_at", "time_zone", "duration_minutes", "status", "mode", "meeting_link",
					"created_by_id", "ical_uid", "attendance", "topic", "summary", "completed_at", "cancelled_at",
					"created_at")) {
				int s = 0;
				for (int j = 0; j < this.n.mentorships(); j++) {
					boolean active = this.mentorshipStatus[j].equals("ACTIVE");
					for (int k = 0; k < this.sessionCount[j]; k++, s++) {
						// Active: 2 years back to 1 year ahead; paused and ended: 2 years back to a month ago
						// (by default; bench.sessionDays scales both).
						int hours = -back * 24 + this.random.nextInt(active ? span * 24 : (back - 30) * 24);
						int r = this.random.nextInt(10);
						int status = hours < 0 ? (r < 8 ? 0 : r < 9 ? 1 : 2) : (r < 6 ? 3 : r < 8 ? 4 : 5);
						this.sessionHours[s] = hours;
						this.sessionStatus[s] = (byte) status;
						LocalDateTime at = UniversityData.this.now.plusHours(hours);
						boolean completed = status == 0;
						t.row(id("mentoring_sessions", s), id("mentorships", j), user(mentorOf(j)), user(menteeOf(j)),
								"Session " + (k + 1), at, "Europe/London", 60, SESSION_STATUS[status], "ONLINE",
								"https://meet.example.org/bench-" + j, user(mentorOf(j)),
								UniversityData.this.prefix + "bench-" + id("mentoring_sessions", s) + "@mentorhub",
								completed ? (r < 5 ? "PRESENT" : r < 7 ? "LATE" : "ABSENT") : null, completed ? "Study plan" : null,
								completed ? "Went through the plan; next steps agreed." : null,
								completed ? at.plusHours(1) : null, status == 1 ? at.minusDays(1) : null, at.minusDays(7));
					}
				}
			}
		}

		/** Notes, action items and feedback of the completed sessions, one table at a time. */
		void followUps() {
			try (Table t = this.writer.table("session_notes", "session_id", "created_by_id", "content", "is_private",
					"created_at", "updated_at")) {
				forEachCompleted((s, j, at) -> t.row(id("mentoring_sessions", s), user(mentorOf(j)),
						"Good progress. Follow up on the study plan.", false, at.plusHours(1), at.plusHours(1)));
			}
			try (Table t = this.writer.table("action_items", "session_id", "assigned_to_id", "created_by_id", "title",
					"due_date", "status", "completed_at", "created_at")) {
				forEachCompleted((s, j, at) -> {
					if (s % 4 == 0) {
						LocalDateTime due = at.plusDays(10);
						boolean done = due.isBefore(UniversityData.this.now) && s % 3 != 0;
						t.row(id("mentoring_sessions", s), user(menteeOf(j)), user(mentorOf(j)), "Draft the next milestone",
								due, done ? "COMPLETED" : due.isBefore(UniversityData.this.now) ? "IN_PROGRESS" : "PENDING",
								done ? due.minusDays(1) : null, at.plusHours(1));
					}
				});
			}
			try (Table t = this.writer.table("session_feedback", "session_id", "giver_id", "recipient_id", "type",
					"rating", "comments", "visibility", "created_at", "updated_at")) {
				forEachCompleted((s, j, at) -> {
					if (s % 2 == 0) {
						t.row(id("mentoring_sessions", s), user(menteeOf(j)), user(mentorOf(j)), "MENTEE_TO_MENTOR",
								3 + s % 3, "Helpful and encouraging.", "SHARED", at.plusHours(3), at.plusHours(3));
						t.row(id("mentoring_sessions", s), user(mentorOf(j)), user(menteeOf(j)), "MENTOR_TO_MENTEE",
								3 + (s / 2) % 3, "Well prepared.", "SHARED", at.plusHours(4), at.plusHours(4));
					}
				});
			}
		}

		interface CompletedSession {

			void accept(int session, int mentorship, LocalDateTime at);

		}

		void forEachCompleted(CompletedSession action) {
			int s = 0;
			for (int j = 0; j < this.n.mentorships(); j++) {
				for (int k = 0; k < this.sessionCount[j]; k++, s++) {
					if (this.sessionStatus[s] == 0) {
						action.accept(s, j, UniversityData.this.now.plusHours(this.sessionHours[s]));
					}
				}
			}
		}

		void goals() {
			String[] categories = { "ACADEMIC", "CAREER", "SKILL", "PERSONAL" };
			long updates = 0;
			try (Table goals = this.writer.table("goals", "id", "student_id", "mentorship_id", "title", "category",
					"description", "target_date", "status", "progress_pct", "created_by_id", "completed_at", "created_at")) {
				for (int j = 0; j < this.n.mentorships(); j++) {
					if (this.mentorshipStatus[j].equals("ACTIVE")) {
						int progress = 10 * (j % 11);
						String status = progress == 100 ? "COMPLETED" : progress == 0 ? "NOT_STARTED"
								: j % 5 == 0 ? "AT_RISK" : "IN_PROGRESS";
						goals.row(id("goals", j), user(menteeOf(j)), id("mentorships", j), "Goal of mentorship " + j,
								categories[j % categories.length], "Agreed with my mentor.",
								LocalDate.from(UniversityData.this.now).plusDays(30 + j % 120), status, progress,
								user(menteeOf(j)), status.equals("COMPLETED") ? hoursAgo(24 * 5) : null, hoursAgo(24 * 90));
					}
				}
			}
			try (Table t = this.writer.table("goal_updates", "id", "goal_id", "noted_by_id", "note", "progress_pct",
					"status", "created_at")) {
				for (int j = 0; j < this.n.mentorships(); j++) {
					if (this.mentorshipStatus[j].equals("ACTIVE")) {
						int progress = 10 * (j % 11);
						for (int u = 1; u <= progress / 20; u++) {
							t.row(id("goal_updates", updates++), id("goals", j), user(u % 2 == 0 ? mentorOf(j) : menteeOf(j)),
									"Progress update " + u + ".", Math.min(progress, u * 20),
									u * 20 >= 100 ? "COMPLETED" : "IN_PROGRESS", hoursAgo(24L * (90 - 15 * u)));
						}
					}
				}
			}
		}

		void alertsAndMessages() {
			try (Table t = this.writer.table("alerts", "id", "institution_id", "student_id", "severity", "category",
					"message", "source_ref", "status", "owner_id", "created_at")) {
				for (int j = 0; j < this.n.mentorships(); j += 50) {
					int mentee = menteeOf(j);
					t.row(id("alerts", j), institution(institutionOf(mentee)), user(mentee), "CRITICAL", "GPA",
							"GPA is 2.10, below the 2.8 threshold.", "rule:gpa-below-2.8", "OPEN",
							user(1 + this.n.institutions() + departmentOf(mentee)), hoursAgo(24L * (j % 20)));
				}
			}
			try (Table t = this.writer.table("alert_events", "alert_id", "to_status", "note", "created_at")) {
				for (int j = 0; j < this.n.mentorships(); j += 50) {
					t.row(id("alerts", j), "OPEN", "Raised by the nightly rule run.", hoursAgo(24L * (j % 20)));
				}
			}
			try (Table t = this.writer.table("user_connections", "requester_id", "receiver_id", "user_low_id",
					"user_high_id", "status")) {
				for (int j = 0; j < this.n.mentorships(); j++) {
					if (this.mentorshipStatus[j].equals("ACTIVE")) {
						long mentor = user(mentorOf(j));
						long mentee = user(menteeOf(j));
						t.row(mentee, mentor, Math.min(mentor, mentee), Math.max(mentor, mentee), "ACCEPTED");
					}
				}
			}
			try (Table t = this.writer.table("direct_messages", "sender_id", "receiver_id", "message", "is_read",
					"read_at", "created_at")) {
				for (int j = 0; j < this.n.mentorships(); j++) {
					if (this.mentorshipStatus[j].equals("ACTIVE")) {
						for (int m = 0; m < 4; m++) {
							boolean fromMentee = m % 2 == 0;
							LocalDateTime at = hoursAgo(24L * (20 - 5 * m) + j % 24);
							t.row(user(fromMentee ? menteeOf(j) : mentorOf(j)), user(fromMentee ? mentorOf(j) : menteeOf(j)),
									fromMentee ? "Could we look at my plan before our next session?" : "Yes, bring your draft.",
									m < 3, m < 3 ? at.plusHours(1) : null, at);
						}
					}
				}
			}
		}

		void notificationsAndAudit() {
			try (Table t = this.writer.table("notifications", "user_id", "type", "title", "body", "payload", "link_url",
					"read_at", "created_at")) {
				for (int k = 0; k < this.n.notifications(); k++) {
					int person = k % this.n.users();
					int round = k / this.n.users();
					String[] kind = NOTIFICATIONS[(person + round) % NOTIFICATIONS.length];
					LocalDateTime at = hoursAgo(6L * round + person % 6);
					t.row(user(person), kind[0], kind[1], kind[2], "{\"bench\":true}", "/sessions",
							round < 3 ? null : at.plusHours(2), at);
				}
			}
			int people = this.n.users() - 1;
			try (Table t = this.writer.table("audit_logs", "user_id", "institution_id", "action", "entity", "entity_id",
					"ip", "user_agent", "created_at")) {
				for (int k = 0; k < this.n.auditRows(); k++) {
					int person = 1 + k % people;
					boolean failure = k % 17 == 0;
					t.row(user(person), institution(institutionOf(person)), failure ? "SIGN_IN_FAILED" : "SIGN_IN_SUCCEEDED",
							"users", String.valueOf(user(person)), "10.0." + (k % 200) + "." + (1 + k % 250),
							AGENTS[k % AGENTS.length], hoursAgo((long) (k / people) * 24 + k % 24));
				}
			}
		}

	}

}
