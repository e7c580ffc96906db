package org.mentorhub.mentorship;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoContext.Pairing;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.mentorhub.profile.MentorCapacity;
import org.springframework.stereotype.Component;

/**
 * The demo's mentorships: every university student with one of the eight mentors (active, a few
 * paused, ended or still requested), the company's mentees with its engineers and sales mentor, and
 * both new mothers with the return-to-work mentor. Every active or paused mentorship takes its
 * mentor's place through {@link MentorCapacity}, as a real approval does, so the mentors' counts stay
 * true. Each one is recorded in the demo context for the session and goal seeds.
 */
@Component
class MentorshipDemoData implements DemoSeed {

	private final DemoRows rows;

	private final People people;

	private final MentorCapacity capacity;

	MentorshipDemoData(DemoRows rows, People people, MentorCapacity capacity) {
		this.rows = rows;
		this.people = people;
		this.capacity = capacity;
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public void seed(DemoContext demo) {
		university(demo);
		company(demo);
	}

	private void university(DemoContext demo) {
		String nbu = DemoContext.UNIVERSITY;
		long admin = demo.person("admin@northbridge.demo");
		List<Long> mentors = demo.group(nbu + "/mentors");
		List<Long> students = demo.group(nbu + "/students");
		Map<Long, Person> people = this.people.summaries(students);
		for (int i = 0; i < students.size(); i++) {
			long student = students.get(i);
			String status = i < 24 ? "ACTIVE" : i < 26 ? "PAUSED" : i < 28 ? "ENDED" : "REQUESTED";
			mentorship(demo, nbu, people.get(student).departmentId(), mentors.get(i % mentors.size()), student, status,
					admin, "Stay on track in year " + (1 + i % 4) + " and plan the next step.");
		}
	}

	private void company(DemoContext demo) {
		String acme = DemoContext.COMPANY;
		long admin = demo.person("admin@acme.demo");
		List<Long> mentors = demo.group(acme + "/mentors");
		List<Long> mentees = demo.group(acme + "/mentees");
		for (int i = 0; i < mentees.size(); i++) {
			mentorship(demo, acme, null, mentors.get(i % 3), mentees.get(i), i < 4 ? "ACTIVE" : "REQUESTED", admin,
					"Grow into a senior role within a year.");
		}
		for (long mother : demo.group(acme + "/mothers")) {
			mentorship(demo, acme, null, mentors.get(3), mother, "ACTIVE", admin,
					"A confident return to work after parental leave.");
		}
	}

	private void mentorship(DemoContext demo, String institution, Long department, long mentor, long mentee,
			String status, long admin, String goal) {
		LocalDateTime created = demo.now().minusDays(130 + demo.random().nextInt(20));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("institution_id", demo.institution(institution));
		values.put("department_id", department);
		values.put("mentor_id", mentor);
		values.put("mentee_id", mentee);
		values.put("status", status);
		values.put("goal", goal);
		values.put("requested_by_id", mentee);
		values.put("created_at", created);
		values.put("updated_at", demo.now().minusDays(2));
		if (!status.equals("REQUESTED")) {
			values.put("assigned_by_id", admin);
			values.put("decided_by_id", admin);
			values.put("decided_at", created.plusDays(1));
			values.put("assigned_at", created.plusDays(1));
			values.put("notes", "Matched on shared interests and department.");
		}
		if (status.equals("PAUSED")) {
			values.put("paused_at", demo.now().minusDays(12));
		}
		if (status.equals("ENDED")) {
			values.put("ended_at", demo.now().minusDays(20));
			values.put("end_reason", "Goals met; the student graduated from the program.");
		}
		if ((status.equals("ACTIVE") || status.equals("PAUSED")) && !this.capacity.tryReserve(mentor)) {
			throw new IllegalStateException("Demo mentor " + mentor + " has no place left for mentee " + mentee);
		}
		long id = this.rows.insert("mentorships", values);
		demo.pairing(new Pairing(institution, id, mentor, mentee, status));
	}

}
