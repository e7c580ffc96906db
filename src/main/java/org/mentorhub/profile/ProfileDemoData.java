package org.mentorhub.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoContext.Standing;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * The demo people's profiles: general profiles with onboarding done, mentor profiles with no mentee
 * counted yet (the mentorship seed reserves places through {@link MentorCapacity}), the students'
 * academic records, skill and interest tags, and weekly availability. Profile owns the tag
 * vocabulary, so it also makes the resource library's topic tags. Names come from identity's
 * {@link People}.
 */
@Component
class ProfileDemoData implements DemoSeed {

	/** The topics of the demo resource library, recorded as tags for the resource seed. */
	static final List<String> LIBRARY_TOPICS = List.of("wellbeing", "getting-started", "parenthood", "growth", "careers");

	private final DemoRows rows;

	private final People people;

	ProfileDemoData(DemoRows rows, People people) {
		this.rows = rows;
		this.people = people;
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public void seed(DemoContext demo) {
		new Load(demo).university();
		new Load(demo).company();
	}

	private final class Load {

		private final DemoContext demo;

		private final Map<String, Long> tagIds = new LinkedHashMap<>();

		private Map<Long, String> names;

		Load(DemoContext demo) {
			this.demo = demo;
		}

		void university() {
			String nbu = DemoContext.UNIVERSITY;
			names(nbu, "admins", "coordinators", "mentors", "students");
			long institution = this.demo.institution(nbu);
			profile(this.demo.group(nbu + "/admins").get(0), "Head of Student Success",
					"Runs the university's mentoring program.");
			String[] departmentNames = { "Computer Science", "Business School", "Engineering", "Psychology" };
			List<Long> coordinators = this.demo.group(nbu + "/coordinators");
			for (int i = 0; i < coordinators.size(); i++) {
				profile(coordinators.get(i), "Department coordinator",
						"Coordinates mentoring in " + departmentNames[i] + ".");
			}
			String[][] mentorSkills = { { "Java", "Algorithms", "Career planning" },
					{ "Finance", "Leadership", "Public speaking" }, { "Machine learning", "Python", "Research" },
					{ "Robotics", "C++", "Project management" }, { "Marketing", "Entrepreneurship", "Leadership" },
					{ "Databases", "Java", "Cloud" }, { "Cognitive science", "Statistics", "Research" },
					{ "Structural design", "Mathematics", "Study skills" } };
			List<Long> mentors = this.demo.group(nbu + "/mentors");
			for (int i = 0; i < mentors.size(); i++) {
				long mentor = mentors.get(i);
				String title = i % 2 == 0 ? "Associate Professor" : "Professor";
				profile(mentor, title, "Mentors students on studies, research and careers.");
				mentorProfile(mentor, title, mentorSkills[i][0], 5, false);
				tags(institution, mentor, "SKILL", mentorSkills[i]);
				availability(mentor, "Europe/London", true, i);
			}
			String[] programs = { "BSc Computer Science", "BBA Business Administration", "BEng Mechanical Engineering",
					"BSc Psychology" };
			String[][] interests = { { "Java", "Career planning" }, { "Leadership", "Finance" },
					{ "Robotics", "Mathematics" }, { "Research", "Statistics" } };
			List<Long> students = this.demo.group(nbu + "/students");
			for (int i = 0; i < students.size(); i++) {
				long student = students.get(i);
				int d = i % programs.length;
				profile(student, null, "Student in " + programs[d] + ".");
				studentProfile(nbu, student, String.format("NBU%05d", 24001 + i), programs[d], 1 + i % 4);
				tags(institution, student, "INTEREST", interests[d]);
				availability(student, "Europe/London", false, i);
			}
			libraryTopics(nbu, institution);
		}

		void company() {
			String acme = DemoContext.COMPANY;
			names(acme, "admins", "mentors", "mentees", "mothers");
			long institution = this.demo.institution(acme);
			profile(this.demo.group(acme + "/admins").get(0), "Head of People Development",
					"Runs Acme's mentoring and parental support.");
			String[][] skills = { { "Java", "System design", "Leadership" }, { "Kubernetes", "Cloud", "Mentoring" },
					{ "Negotiation", "Public speaking", "Sales strategy" },
					{ "Return to work", "Coaching", "Work-life balance" } };
			List<Long> mentors = this.demo.group(acme + "/mentors");
			for (int i = 0; i < mentors.size(); i++) {
				long mentor = mentors.get(i);
				profile(mentor, i == 3 ? "Senior HR Business Partner"
						: "Principal " + (i < 2 ? "Engineer" : "Account Executive"), "Happy to help you grow.");
				mentorProfile(mentor, "Senior", skills[i][0], 4, i >= 2);
				tags(institution, mentor, "SKILL", skills[i]);
				availability(mentor, "America/New_York", true, i);
			}
			List<Long> mentees = this.demo.group(acme + "/mentees");
			for (int i = 0; i < mentees.size(); i++) {
				long mentee = mentees.get(i);
				profile(mentee, i < 3 ? "Software Engineer" : "Account Manager", "Growing my career at Acme.");
				tags(institution, mentee, "INTEREST", i < 3 ? new String[] { "Java", "Leadership" }
						: new String[] { "Public speaking", "Negotiation" });
				availability(mentee, "America/New_York", false, i);
			}
			List<Long> mothers = this.demo.group(acme + "/mothers");
			for (int i = 0; i < mothers.size(); i++) {
				long mother = mothers.get(i);
				profile(mother, i == 0 ? "Engineering Manager" : "Sales Lead", "Returning from parental leave.");
				tags(institution, mother, "INTEREST", new String[] { "Return to work", "Work-life balance" });
				availability(mother, "America/New_York", false, i);
			}
			libraryTopics(acme, institution);
		}

		private void names(String institution, String... groups) {
			List<Long> ids = new java.util.ArrayList<>();
			for (String group : groups) {
				ids.addAll(this.demo.group(institution + "/" + group));
			}
			this.names = ProfileDemoData.this.people.names(ids);
		}

		private void profile(long user, String title, String bio) {
			String fullName = this.names.get(user);
			String[] parts = fullName.replace("Dr. ", "").replace("Prof. ", "").split(" ");
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("user_id", user);
			values.put("first_name", parts[0]);
			values.put("last_name", parts[parts.length - 1]);
			values.put("title", title);
			values.put("bio", bio);
			values.put("position", title);
			values.put("years_of_experience", title == null ? null : 3 + this.demo.random().nextInt(20));
			values.put("preferred_communication",
					List.of("VIDEO", "EMAIL", "CHAT", "IN_PERSON").get(this.demo.random().nextInt(4)));
			values.put("onboarding_status", "COMPLETED");
			values.put("onboarding_step", 4);
			values.put("onboarding_completed_at", this.demo.now().minusDays(150));
			values.put("created_at", this.demo.now().minusDays(200));
			values.put("updated_at", this.demo.now().minusDays(10));
			ProfileDemoData.this.rows.insertWithoutKey("user_profiles", values);
		}

		private void mentorProfile(long user, String designation, String specialization, int capacity,
				boolean supportsNewMothers) {
			ProfileDemoData.this.rows.insertWithoutKey("mentor_profiles", row("user_id", user, "designation",
					designation, "specialization", specialization, "mentorship_style",
					"Goal-oriented, with regular check-ins", "max_mentees", capacity, "current_mentee_count", 0,
					"accepting_new_mentees", true, "supports_new_mothers", supportsNewMothers, "created_at",
					this.demo.now().minusDays(200), "updated_at", this.demo.now().minusDays(5)));
		}

		private void studentProfile(String institution, long student, String rollNumber, String program, int year) {
			BigDecimal gpa = BigDecimal.valueOf(1.6 + this.demo.random().nextDouble() * 2.4)
				.setScale(2, RoundingMode.HALF_UP);
			BigDecimal attendance = BigDecimal.valueOf(55 + this.demo.random().nextDouble() * 45)
				.setScale(2, RoundingMode.HALF_UP);
			String risk = gpa.doubleValue() < 2.2 || attendance.doubleValue() < 65 ? "HIGH"
					: gpa.doubleValue() < 2.8 || attendance.doubleValue() < 75 ? "MEDIUM" : "LOW";
			ProfileDemoData.this.rows.insertWithoutKey("student_profiles", row("user_id", student, "roll_number",
					rollNumber, "program", program, "year_of_study", year, "gpa", gpa, "attendance_pct", attendance,
					"risk_level", risk, "created_at", this.demo.now().minusDays(300), "updated_at",
					this.demo.now().minusDays(3)));
			this.demo.standing(new Standing(institution, student, gpa, attendance, risk));
		}

		private void tags(long institution, long user, String kind, String[] names) {
			for (String name : names) {
				String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#]+", "-");
				long tag = this.tagIds.computeIfAbsent(slug, key -> ProfileDemoData.this.rows.insert("tags",
						row("institution_id", institution, "name", name, "slug", slug, "created_at",
								this.demo.now().minusDays(300))));
				ProfileDemoData.this.rows.insertWithoutKey("user_tags", row("user_id", user, "tag_id", tag, "kind", kind));
			}
		}

		private void libraryTopics(String code, long institution) {
			for (String topic : LIBRARY_TOPICS) {
				long tag = this.tagIds.computeIfAbsent(topic, key -> ProfileDemoData.this.rows.insert("tags",
						row("institution_id", institution, "name", topic, "slug", topic, "created_at",
								this.demo.now().minusDays(80))));
				this.demo.tag(code, topic, tag);
			}
		}

		/**
		 * Two weekly slots: Wednesday afternoon, when the demo's mentors and mentees of one institution
		 * all keep time for mentoring (so every pair has hours in common, as the directory, the suggestions
		 * and the matching then show), and a second morning that varies by person. Random days used to
		 * leave most pairs with nothing in common.
		 */
		private void availability(long user, String zone, boolean mentor, int index) {
			LocalTime from = mentor ? LocalTime.of(13, 0) : LocalTime.of(14, 0 + 30 * (index % 2));
			LocalTime to = mentor ? LocalTime.of(17, 0) : from.plusHours(2);
			slot(user, DayOfWeek.WEDNESDAY.getValue(), from, to, zone);
			int other = DayOfWeek.MONDAY.getValue() + index % 5;
			if (other == DayOfWeek.WEDNESDAY.getValue()) {
				other = DayOfWeek.FRIDAY.getValue();
			}
			slot(user, other, LocalTime.of(9 + index % 3, 0), LocalTime.of(11 + index % 3, 0), zone);
		}

		private void slot(long user, int day, LocalTime from, LocalTime to, String zone) {
			ProfileDemoData.this.rows.insert("availability_slots", row("user_id", user, "day_of_week", day,
					"start_time", from, "end_time", to, "time_zone", zone, "created_at", this.demo.now().minusDays(100)));
		}

	}

}
