package org.mentorhub.identity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's people: accounts and roles of the platform administrator, the university (admin, four
 * coordinators, eight mentors, thirty students) and the company (admin, four mentors, five mentees,
 * two new mothers). Every account shares one password hash: argon2id costs ~50 ms each. Each person
 * is recorded in the demo context by e-mail and in groups such as {@code NBU/students}, in order.
 */
@Component
class IdentityDemoData implements DemoSeed {

	private final JdbcClient jdbc;

	private final DemoRows rows;

	private final PasswordEncoder passwords;

	IdentityDemoData(JdbcClient jdbc, DemoRows rows, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.passwords = passwords;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public void seed(DemoContext demo) {
		new Load(demo).run();
	}

	private final class Load {

		private final DemoContext demo;

		private final String passwordHash;

		private final Map<RoleName, Long> roleIds = new EnumMap<>(RoleName.class);

		Load(DemoContext demo) {
			this.demo = demo;
			this.passwordHash = IdentityDemoData.this.passwords.encode(demo.password());
			IdentityDemoData.this.jdbc.sql("SELECT id, name FROM roles")
				.query((rs, row) -> this.roleIds.put(RoleName.valueOf(rs.getString("name")), rs.getLong("id")))
				.list();
		}

		void run() {
			user(null, null, "platform", "platform@mentorhub.demo", "Pat Platform", RoleName.PLATFORM_ADMIN, "platform");
			university();
			company();
		}

		private void university() {
			String nbu = DemoContext.UNIVERSITY;
			String[] departments = { "CS", "BUS", "ENG", "PSY" };
			user(nbu, null, "nbu.admin", "admin@northbridge.demo", "Alex Morgan", RoleName.ADMIN, nbu + "/admins");
			String[] coordinatorNames = { "Casey Patel", "Jordan Lee", "Riley Chen", "Sam Okafor" };
			for (int i = 0; i < departments.length; i++) {
				String email = i == 0 ? "coordinator@northbridge.demo" : "coordinator" + (i + 1) + "@northbridge.demo";
				user(nbu, departments[i], "nbu.coord" + (i + 1), email, coordinatorNames[i], RoleName.COORDINATOR,
						nbu + "/coordinators");
			}
			String[] mentorNames = { "Dr. Maya Singh", "Prof. Tom Becker", "Dr. Lena Novak", "Dr. Omar Haddad",
					"Prof. Grace Kim", "Dr. Felix Wagner", "Dr. Ana Souza", "Dr. Kwame Mensah" };
			for (int i = 0; i < mentorNames.length; i++) {
				String email = i == 0 ? "mentor@northbridge.demo" : "mentor" + (i + 1) + "@northbridge.demo";
				user(nbu, departments[i % departments.length], "nbu.mentor" + (i + 1), email, mentorNames[i],
						RoleName.MENTOR, nbu + "/mentors");
			}
			String[] firstNames = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophia", "Lucas", "Mia", "Mason",
					"Isla", "Leo", "Amelia", "Oscar", "Chloe", "Arjun", "Zara", "Kai", "Nina", "Theo", "Priya", "Hugo",
					"Freya", "Ibrahim", "Lily", "Mateo", "Ella", "Yusuf", "Grace", "Finn" };
			String[] lastNames = { "Walker", "Nguyen", "Brown", "Rossi", "Kowalski", "Ahmed", "Garcia", "Murphy",
					"Schmidt", "Dubois" };
			for (int i = 0; i < firstNames.length; i++) {
				String email = i == 0 ? "student@northbridge.demo" : "student" + (i + 1) + "@northbridge.demo";
				user(nbu, departments[i % departments.length], "nbu.student" + (i + 1), email,
						firstNames[i] + " " + lastNames[i % lastNames.length], RoleName.MENTEE, nbu + "/students");
			}
		}

		private void company() {
			String acme = DemoContext.COMPANY;
			user(acme, "PEOPLE", "acme.admin", "admin@acme.demo", "Morgan Reyes", RoleName.ADMIN, acme + "/admins");
			String[] mentorNames = { "Hannah Fischer", "David Osei", "Sofia Marino", "Ben Carter" };
			String[] mentorDepartments = { "ENGR", "ENGR", "SALES", "PEOPLE" };
			for (int i = 0; i < mentorNames.length; i++) {
				String email = i == 0 ? "mentor@acme.demo" : "mentor" + (i + 1) + "@acme.demo";
				user(acme, mentorDepartments[i], "acme.mentor" + (i + 1), email, mentorNames[i], RoleName.MENTOR,
						acme + "/mentors");
			}
			String[] menteeNames = { "Chris Young", "Dana Brooks", "Eli Turner", "Fatima Khan", "Gabe Silva" };
			for (int i = 0; i < menteeNames.length; i++) {
				String email = i == 0 ? "mentee@acme.demo" : "mentee" + (i + 1) + "@acme.demo";
				user(acme, i < 3 ? "ENGR" : "SALES", "acme.mentee" + (i + 1), email, menteeNames[i], RoleName.MENTEE,
						acme + "/mentees");
			}
			String[] motherNames = { "Julia Hart", "Rosa Alvarez" };
			for (int i = 0; i < motherNames.length; i++) {
				String email = i == 0 ? "mother@acme.demo" : "mother" + (i + 1) + "@acme.demo";
				long mother = user(acme, i == 0 ? "ENGR" : "SALES", "acme.mother" + (i + 1), email, motherNames[i],
						RoleName.NEW_MOTHER, acme + "/mothers");
				grant(mother, RoleName.MENTEE);
			}
		}

		private long user(String institutionCode, String departmentCode, String username, String email,
				String fullName, RoleName role, String group) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("institution_id", institutionCode == null ? null : this.demo.institution(institutionCode));
			values.put("department_id",
					departmentCode == null ? null : this.demo.department(institutionCode, departmentCode));
			values.put("primary_role_id", this.roleIds.get(role));
			values.put("username", Invitations.normalizeEmail(username));
			values.put("email", Invitations.normalizeEmail(email));
			values.put("full_name", fullName);
			values.put("password_hash", this.passwordHash);
			values.put("status", "ACTIVE");
			values.put("time_zone", institutionCode == null ? "UTC" : "Europe/London");
			values.put("created_at", this.demo.now().minusDays(200 + this.demo.random().nextInt(100)));
			values.put("updated_at", this.demo.now().minusDays(this.demo.random().nextInt(30)));
			long id = IdentityDemoData.this.rows.insert("users", values);
			grant(id, role);
			this.demo.person(email, id, group);
			return id;
		}

		private void grant(long user, RoleName role) {
			IdentityDemoData.this.rows.insertWithoutKey("user_roles", DemoContext.row("user_id", user, "role_id",
					this.roleIds.get(role), "granted_at", this.demo.now().minusDays(200)));
		}

	}

}
