package org.mentorhub.profile;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.InstitutionDetails;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.privacy.ConsentGiven;
import org.mentorhub.platform.privacy.ConsentKind;
import org.mentorhub.platform.privacy.ConsentWithdrawn;
import org.mentorhub.profile.ProfileRelations.Person;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles: read per visibility, edit own (administrators: anyone in their institution), and the
 * protected academic record of students.
 * <p>
 * Who sees what: a profile of another institution is "not found". Inside the institution the
 * general profile follows its visibility (INSTITUTION: every member; MENTORSHIPS: the people in an
 * active or paused mentorship with its owner; PRIVATE: nobody else); its owner, the institution's
 * administrators, the coordinators of the owner's department and the owner's mentors always see it.
 * GPA, attendance and risk level are shown only to the student, their mentors, the coordinators of
 * their department and the administrators, and only coordinators and administrators change them.
 * Every change, and every read of the academic record by someone other than the student, is
 * audited.
 */
@Service
public class Profiles {

	static final String RISK_READ = "STUDENT_RISK_READ";

	static final String ROLL_NUMBER_TAKEN = "Another student already has this roll number.";

	private static final Pattern PHONE = Pattern.compile("^[+0-9()\\-. ]{3,32}$");

	private static final Pattern ROLL_NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9/_-]{0,31}$");

	private static final int MAX_TAGS = 30;

	private final UserProfileRepository profiles;

	private final MentorProfileRepository mentors;

	private final StudentProfileRepository students;

	private final TagRepository tags;

	private final ProfileRelations people;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Profiles(UserProfileRepository profiles, MentorProfileRepository mentors, StudentProfileRepository students,
			TagRepository tags, ProfileRelations people, Organizations organizations, Tenancy tenancy, AuditTrail audit,
			Clock clock, ApplicationEventPublisher events) {
		this.profiles = profiles;
		this.mentors = mentors;
		this.students = students;
		this.tags = tags;
		this.people = people;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** What the caller may do with one person's profile. */
	record Access(Person person, boolean own, boolean editable, boolean academicVisible, boolean academicEditable) {
	}

	/** The caller's own profile. */
	@Transactional
	public ProfileView mine() {
		return view(this.tenancy.actor().id());
	}

	/** A person's profile as the caller may see it; "not found" when the caller may not see it at all. */
	@Transactional
	public ProfileView view(long userId) {
		Access access = access(userId);
		UserProfile profile = this.profiles.findById(userId).orElse(null);
		ProfileVisibility visibility = profile == null ? ProfileVisibility.INSTITUTION : profile.getVisibility();
		Actor actor = this.tenancy.actor();
		boolean visible = access.own() || access.editable() || access.academicVisible()
				|| visibility == ProfileVisibility.INSTITUTION
				|| (visibility == ProfileVisibility.MENTORSHIPS && this.people.inMentorship(actor.id(), userId));
		if (!visible) {
			throw new NotFoundException("Profile not found");
		}
		return toView(access, profile);
	}

	/** Whether the caller may see the person's profile (and so their avatar). */
	@Transactional(readOnly = true)
	boolean canSee(long userId) {
		Access access = access(userId);
		UserProfile profile = this.profiles.findById(userId).orElse(null);
		ProfileVisibility visibility = profile == null ? ProfileVisibility.INSTITUTION : profile.getVisibility();
		return access.own() || access.editable() || access.academicVisible()
				|| visibility == ProfileVisibility.INSTITUTION || (visibility == ProfileVisibility.MENTORSHIPS
						&& this.people.inMentorship(this.tenancy.actor().id(), userId));
	}

	/**
	 * Whether the caller may see the student's academic record (GPA, attendance, risk level): the
	 * student, their mentors in an active or paused mentorship, the coordinators of their department and
	 * the administrators of their institution. False for anybody else, for a person of another
	 * institution and for a caller without one. Other modules whose data is student data (alerts) reuse
	 * this one rule; nothing is audited here, the caller audits what it shows.
	 */
	@Transactional(readOnly = true)
	public boolean mayReadAcademicRecord(long studentId) {
		try {
			return access(studentId).academicVisible();
		}
		catch (NotFoundException | AccessDeniedException ex) {
			return false;
		}
	}

	/** Changes the caller's own profile. */
	@Transactional
	public ProfileView updateMine(ProfileChanges changes) {
		return update(this.tenancy.actor().id(), changes);
	}

	/** Changes a profile: the owner's own, or (administrator) anyone's in the institution. */
	@Transactional
	public ProfileView update(long userId, ProfileChanges changes) {
		Access access = requireEditable(userId);
		Instant now = this.clock.instant();
		UserProfile profile = this.profiles.findById(userId).orElseGet(() -> UserProfile.blank(userId, now));
		if (changes.version() != null && profile.getUserId() != null && this.profiles.existsById(userId)
				&& changes.version() != profile.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(UserProfile.class, userId);
		}
		MentorProfile mentor = this.mentors.findById(userId).orElse(null);
		if (mentor == null && access.person().has("MENTOR") && changes.mentor() != null) {
			mentor = MentorProfile.blank(userId, now);
		}
		StudentProfile student = this.students.findById(userId).orElse(null);
		ProfileChanges checked = check(changes, mentor);
		List<Long> skills = resolveTags(access.person().institutionId(), checked.skills(), now);
		List<Long> interests = resolveTags(access.person().institutionId(), checked.interests(), now);

		Map<String, Object> before = auditState(profile, mentor, userId);
		boolean listedBefore = this.profiles.existsById(userId) && profile.getVisibility() == ProfileVisibility.INSTITUTION;
		profile.change(checked, now);
		this.profiles.saveAndFlush(profile);
		if (mentor != null && checked.mentor() != null) {
			mentor.change(checked.mentor(), now);
			this.mentors.saveAndFlush(mentor);
		}
		if (student != null) {
			student.changeStudies(checked.program(), checked.yearOfStudy(), now);
			this.students.saveAndFlush(student);
		}
		this.people.replaceTags(userId, "SKILL", skills);
		this.people.replaceTags(userId, "INTEREST", interests);
		Map<String, Object> after = auditState(profile, mentor, userId);
		if (!after.equals(before)) {
			this.audit.record(AuditRecord.change("PROFILE_UPDATED", "user_profiles", userId, before, after));
		}
		this.events.publishEvent(new MatchingProfileChanged(userId));
		publishDirectoryConsent(userId, listedBefore, profile.getVisibility() == ProfileVisibility.INSTITUTION, now);
		return view(userId);
	}

	/** Tells the consent register that the person joined or left the directory (visibility INSTITUTION). */
	private void publishDirectoryConsent(long userId, boolean listedBefore, boolean listedAfter, Instant now) {
		if (listedAfter && !listedBefore) {
			this.events.publishEvent(new ConsentGiven(userId, ConsentKind.DIRECTORY_VISIBILITY,
					ConsentKind.DIRECTORY_VISIBILITY.textVersion(), now));
		}
		else if (!listedAfter && listedBefore) {
			this.events.publishEvent(new ConsentWithdrawn(userId, ConsentKind.DIRECTORY_VISIBILITY, now));
		}
	}

	/**
	 * Takes the person out of the directory (visibility MENTORSHIPS) when they withdrew that consent in the
	 * consent register; idempotent, audited as a profile change made by the person.
	 */
	@Transactional
	public void leaveDirectory(long userId) {
		Instant now = this.clock.instant();
		UserProfile profile = this.profiles.findById(userId).orElseGet(() -> UserProfile.blank(userId, now));
		if (profile.getVisibility() != ProfileVisibility.INSTITUTION) {
			return;
		}
		profile.leaveDirectory(now);
		this.profiles.saveAndFlush(profile);
		this.audit.recordFor(AuditRecord.change("PROFILE_UPDATED", "user_profiles", userId,
				Map.of("visibility", ProfileVisibility.INSTITUTION), Map.of("visibility", ProfileVisibility.MENTORSHIPS)),
				userId, null, null);
	}

	/**
	 * The caller's access to a profile they change: the owner's own, or (administrator) anyone's in
	 * the institution. Someone who may see the profile but not change it gets 403, anyone else 404.
	 */
	Access requireEditable(long userId) {
		Access access = access(userId);
		if (!access.editable()) {
			if (!canSee(userId)) {
				throw new NotFoundException("Profile not found");
			}
			throw new AccessDeniedException("Only the owner or an administrator changes a profile");
		}
		return access;
	}

	/** Sets a student's roll number, GPA, attendance and risk level (coordinator of the department, administrator). */
	@Transactional
	public ProfileView updateAcademic(long userId, AcademicChanges changes) {
		Access access = access(userId);
		if (!access.academicEditable()) {
			if (!canSee(userId)) {
				throw new NotFoundException("Profile not found");
			}
			throw new AccessDeniedException("Only coordinators and administrators change academic data");
		}
		StudentProfile student = this.students.findById(userId).orElse(null);
		BigDecimal scale = this.organizations.findInstitutionDetails(access.person().institutionId())
			.map(InstitutionDetails::gpaScale)
			.orElse(new BigDecimal("4.00"));
		List<FieldProblem> problems = new ArrayList<>();
		String roll = strip(changes.rollNumber());
		if (roll == null && student == null) {
			problems.add(new FieldProblem("rollNumber", "Enter the student's roll number."));
		}
		else if (roll != null && !ROLL_NUMBER.matcher(roll).matches()) {
			problems.add(new FieldProblem("rollNumber",
					"Enter a roll number of at most 32 letters, digits, '/', '-' or '_'."));
		}
		else if (roll != null && this.students.existsByRollNumberAndUserIdNot(roll, userId)) {
			problems.add(new FieldProblem("rollNumber", ROLL_NUMBER_TAKEN));
		}
		if (changes.gpa() != null && (changes.gpa().signum() < 0 || changes.gpa().compareTo(scale) > 0
				|| changes.gpa().scale() > 2)) {
			problems.add(new FieldProblem("gpa",
					"Enter a GPA between 0 and " + scale.stripTrailingZeros().toPlainString()
							+ " (your institution's scale), with at most two decimals."));
		}
		if (changes.attendancePct() != null && (changes.attendancePct().signum() < 0
				|| changes.attendancePct().compareTo(BigDecimal.valueOf(100)) > 0
				|| changes.attendancePct().scale() > 2)) {
			problems.add(new FieldProblem("attendancePct", "Enter an attendance between 0 and 100 %."));
		}
		RiskLevel risk = parse(RiskLevel.class, changes.riskLevel() == null ? "LOW" : changes.riskLevel(), "riskLevel",
				"Choose a risk level: LOW, MEDIUM or HIGH.", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		Map<String, Object> before = student == null ? null : student.auditState();
		if (student == null) {
			student = StudentProfile.open(userId, roll, now);
		}
		student.changeAcademic(new AcademicChanges(roll, changes.gpa(), changes.attendancePct(), null), risk, now);
		try {
			this.students.saveAndFlush(student);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidInputException("rollNumber", ROLL_NUMBER_TAKEN);
		}
		Map<String, Object> after = student.auditState();
		if (!after.equals(before)) {
			this.audit.record(AuditRecord.change("STUDENT_ACADEMIC_UPDATED", "student_profiles", userId, before, after));
			this.events.publishEvent(new AcademicRecordChanged(userId, null, now));
		}
		return view(userId);
	}

	/** Up to ten tags of the caller's institution whose name starts with {@code query} (ignoring case). */
	@Transactional(readOnly = true)
	public List<String> suggestTags(String query) {
		long institutionId = this.tenancy.institutionId();
		String prefix = query == null ? "" : Tag.slugOf(query);
		if (prefix.length() > 64) {
			return List.of();
		}
		return this.tags.findByInstitutionIdAndSlugStartingWithOrderBySlug(institutionId, prefix, PageRequest.of(0, 10))
			.stream()
			.map(Tag::getName)
			.toList();
	}

	/**
	 * The ids of the caller's institution's tags with these names (the resource library's tags), made
	 * when missing; names are trimmed, at most 64 characters and at most ten (else 400 naming
	 * {@code field}). Tags are one vocabulary per institution, shared with skills and interests.
	 */
	@Transactional
	public List<Long> tagIds(List<String> names, String field) {
		long institutionId = this.tenancy.institutionId();
		List<FieldProblem> problems = new ArrayList<>();
		List<String> valid = tagNames(names, field, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return resolveTags(institutionId, valid, this.clock.instant());
	}

	Access access(long userId) {
		long institutionId = this.tenancy.institutionId();
		Actor actor = this.tenancy.actor();
		Person person = this.people.find(userId).orElseThrow(() -> new NotFoundException("Profile not found"));
		if (person.institutionId() == null || person.institutionId() != institutionId) {
			throw new NotFoundException("Profile not found");
		}
		boolean own = actor.id() == userId;
		boolean admin = this.tenancy.hasRole("ADMIN");
		boolean coordinator = this.tenancy.hasRole("COORDINATOR") && actor.departmentId() != null
				&& actor.departmentId().equals(person.departmentId());
		boolean mentor = !own && this.people.mentors(actor.id(), userId);
		return new Access(person, own, own || admin, own || admin || coordinator || mentor,
				admin || coordinator);
	}

	private ProfileView toView(Access access, UserProfile p) {
		long userId = access.person().id();
		MentorProfile m = this.mentors.findById(userId).orElse(null);
		StudentProfile s = this.students.findById(userId).orElse(null);
		ProfileView.Student student = null;
		if (s != null) {
			ProfileView.Academic academic = null;
			if (access.academicVisible()) {
				BigDecimal scale = this.organizations.findInstitutionDetails(access.person().institutionId())
					.map(InstitutionDetails::gpaScale)
					.orElse(null);
				academic = new ProfileView.Academic(s.getGpa(), scale, s.getAttendancePct(), s.getRiskLevel());
				if (!access.own()) {
					this.audit.record(AuditRecord.of(RISK_READ, "student_profiles", userId).about(userId));
				}
			}
			student = new ProfileView.Student(s.getRollNumber(), s.getProgram(), s.getYearOfStudy(), academic);
		}
		ProfileView.Mentor mentor = m == null ? null
				: new ProfileView.Mentor(m.getDesignation(), m.getSpecialization(), m.getMentorshipStyle(),
						m.getMaxMentees(), m.getCurrentMenteeCount(), m.isAcceptingNewMentees(), m.isSupportsNewMothers());
		return new ProfileView(userId, access.person().fullName(), p == null ? null : p.getFirstName(),
				p == null ? null : p.getLastName(), p == null ? null : p.getTitle(), p == null ? null : p.getPhone(),
				p == null ? null : p.getBio(), p == null ? null : p.getPosition(),
				p == null ? null : p.getOrganization(), p == null ? null : p.getYearsOfExperience(),
				p == null ? null : p.getAreaOfExpertise(), p == null ? null : p.getPreferredCommunication(),
				p == null ? null : p.getGoalsText(), p == null ? ProfileVisibility.INSTITUTION : p.getVisibility(),
				p != null && p.getAvatarUrl() != null, this.people.tags(userId, "SKILL"),
				this.people.tags(userId, "INTEREST"), mentor, student, access.own(), access.editable(),
				access.academicEditable(), p == null ? 0 : p.getVersion());
	}

	private ProfileChanges check(ProfileChanges c, MentorProfile mentor) {
		List<FieldProblem> problems = new ArrayList<>();
		String firstName = text(c.firstName(), "firstName", 100, problems);
		String lastName = text(c.lastName(), "lastName", 100, problems);
		String title = text(c.title(), "title", 100, problems);
		String phone = strip(c.phone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "Enter a phone number of digits, spaces and + - ( ) . (at most 32)."));
		}
		String bio = text(c.bio(), "bio", 5000, problems);
		String position = text(c.position(), "position", 200, problems);
		String organization = text(c.organization(), "organization", 200, problems);
		if (c.yearsOfExperience() != null && (c.yearsOfExperience() < 0 || c.yearsOfExperience() > 80)) {
			problems.add(new FieldProblem("yearsOfExperience", "Enter years of experience between 0 and 80."));
		}
		String expertise = text(c.areaOfExpertise(), "areaOfExpertise", 200, problems);
		String communication = strip(c.preferredCommunication());
		if (communication != null) {
			communication = parse(PreferredCommunication.class, communication, "preferredCommunication",
					"Choose EMAIL, CHAT, VIDEO, PHONE or IN_PERSON.", problems) == null ? null
							: communication.toUpperCase(Locale.ROOT);
		}
		String goals = text(c.goalsText(), "goalsText", 5000, problems);
		String visibility = strip(c.visibility());
		if (visibility != null) {
			visibility = parse(ProfileVisibility.class, visibility, "visibility",
					"Choose INSTITUTION, MENTORSHIPS or PRIVATE.", problems) == null ? null
							: visibility.toUpperCase(Locale.ROOT);
		}
		List<String> skills = tagNames(c.skills(), "skills", problems);
		List<String> interests = tagNames(c.interests(), "interests", problems);
		MentorChanges m = c.mentor();
		MentorChanges checkedMentor = null;
		if (m != null && mentor != null) {
			String designation = text(m.designation(), "mentor.designation", 100, problems);
			String specialization = text(m.specialization(), "mentor.specialization", 200, problems);
			String style = text(m.mentorshipStyle(), "mentor.mentorshipStyle", 500, problems);
			if (m.maxMentees() != null && (m.maxMentees() < 0 || m.maxMentees() > 100)) {
				problems.add(new FieldProblem("mentor.maxMentees", "Enter a capacity between 0 and 100."));
			}
			else if (m.maxMentees() != null && m.maxMentees() < mentor.getCurrentMenteeCount()) {
				problems.add(new FieldProblem("mentor.maxMentees",
						"You mentor " + mentor.getCurrentMenteeCount()
								+ " people now, so your capacity cannot be below " + mentor.getCurrentMenteeCount()
								+ ". End or hand over a mentorship first."));
			}
			checkedMentor = new MentorChanges(designation, specialization, style, m.maxMentees(),
					m.acceptingNewMentees(), m.supportsNewMothers());
		}
		String program = text(c.program(), "program", 200, problems);
		if (c.yearOfStudy() != null && (c.yearOfStudy() < 1 || c.yearOfStudy() > 10)) {
			problems.add(new FieldProblem("yearOfStudy", "Enter a year of study between 1 and 10."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ProfileChanges(firstName, lastName, title, phone, bio, position, organization,
				c.yearsOfExperience(), expertise, communication, goals, visibility, skills, interests, checkedMentor,
				program, c.yearOfStudy(), c.version());
	}

	private List<String> tagNames(List<String> names, String field, List<FieldProblem> problems) {
		if (names == null) {
			return List.of();
		}
		Map<String, String> bySlug = new LinkedHashMap<>();
		for (String name : names) {
			String stripped = strip(name);
			if (stripped == null) {
				continue;
			}
			stripped = stripped.replaceAll("\\s+", " ");
			if (stripped.length() > 64) {
				problems.add(new FieldProblem(field, "A tag has at most 64 characters."));
				return List.of();
			}
			bySlug.putIfAbsent(Tag.slugOf(stripped), stripped);
		}
		if (bySlug.size() > MAX_TAGS) {
			problems.add(new FieldProblem(field, "Enter at most " + MAX_TAGS + " tags."));
		}
		return List.copyOf(bySlug.values());
	}

	private List<Long> resolveTags(long institutionId, List<String> names, Instant now) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String name : names) {
			Tag tag = this.tags.findByInstitutionIdAndSlug(institutionId, Tag.slugOf(name))
				.orElseGet(() -> this.tags.saveAndFlush(Tag.named(institutionId, name, now)));
			ids.add(tag.getId());
		}
		return List.copyOf(ids);
	}

	private Map<String, Object> auditState(UserProfile profile, MentorProfile mentor, long userId) {
		Map<String, Object> state = new LinkedHashMap<>(profile.auditState());
		if (mentor != null) {
			mentor.auditState().forEach((k, v) -> state.put("mentor." + k, v));
		}
		state.put("skills", this.people.tags(userId, "SKILL"));
		state.put("interests", this.people.tags(userId, "INTEREST"));
		return state;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message,
			List<FieldProblem> problems) {
		try {
			return Enum.valueOf(type, Objects.requireNonNull(value).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, message));
			return null;
		}
	}

	private static String text(String value, String field, int max, List<FieldProblem> problems) {
		String stripped = strip(value);
		if (stripped != null && stripped.length() > max) {
			problems.add(new FieldProblem(field, "Enter at most " + max + " characters."));
		}
		return stripped;
	}

	static String strip(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
