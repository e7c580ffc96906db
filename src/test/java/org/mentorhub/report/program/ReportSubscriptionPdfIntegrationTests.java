package org.mentorhub.report.program;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentorhub.FreePorts;
import org.mentorhub.TestSmtp;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.thymeleaf.ITemplateEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;

/**
 * The scheduled e-mail of the program dashboard over SMTP (GreenMail): it carries the dashboard's PDF
 * for the owner's scope and period, whose text (read back with PDFBox) has the figures planted in that
 * scope and nothing of another department or institution; it goes once per due moment. A PDF that
 * cannot be made does not hold the mail back, nor is it left out silently: the mail goes without it and
 * says so at the top.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
		"mentorhub.platform.base-url=https://mentors.example.edu" })
class ReportSubscriptionPdfIntegrationTests {

	/** A free port, not a fixed one: CI runs two suites side by side on one machine. */
	static final int SMTP_PORT = FreePorts.next();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

	/** The dashboard's PDF, made to fail on demand (the real one otherwise). */
	static class SwitchablePdf extends ProgramPdf {

		volatile boolean fail;

		SwitchablePdf(ITemplateEngine templates, MessageSource messages) {
			super(templates, messages);
		}

		@Override
		byte[] render(ProgramReport report, Locale locale) {
			if (this.fail) {
				throw new IllegalStateException("The planted PDF failure");
			}
			return super.render(report, locale);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Pdfs {

		@Bean
		@Primary
		SwitchablePdf switchablePdf(ITemplateEngine templates, MessageSource messages) {
			return new SwitchablePdf(templates, messages);
		}

	}

	@Autowired
	ReportSubscriptionMailer mailer;

	@Autowired
	SwitchablePdf pdf;

	@Autowired
	JdbcClient jdbc;

	TestInstitution college;

	TestInstitution elsewhere;

	Account admin;

	Account coordinator;

	String csMentor;

	String busMentor;

	String elsewhereMentor;

	@BeforeEach
	void plant() {
		String t = unique();
		this.college = aUniversity().named("Mailed University " + t).withDepartment("CS", "Computer Science " + t)
			.withDepartment("BUS", "Business " + t).build(this.jdbc);
		this.elsewhere = aUniversity().named("Other Place " + t).withDepartment("CS", "Faraway Science " + t)
			.build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.csMentor = "Ada Pdfmentor " + t;
		this.busMentor = "Bo Busmentor " + t;
		this.elsewhereMentor = "Eve Farmentor " + t;
		// January 2026. CS: three sessions rated 5, 4 and 4, one of them a no-show. BUS: three rated 2. Another
		// institution's CS: three rated 1. Every group has three ratings, so every mentor's average is shown where
		// it is in scope.
		long cs = mentorship(this.college, "CS", this.csMentor);
		rated(cs, LocalDateTime.of(2026, 1, 5, 10, 0), "PRESENT", 5);
		rated(cs, LocalDateTime.of(2026, 1, 12, 10, 0), "ABSENT", 4);
		rated(cs, LocalDateTime.of(2026, 1, 19, 10, 0), "PRESENT", 4);
		long bus = mentorship(this.college, "BUS", this.busMentor);
		for (int day = 6; day <= 8; day++) {
			rated(bus, LocalDateTime.of(2026, 1, day, 10, 0), "ABSENT", 2);
		}
		long far = mentorship(this.elsewhere, "CS", this.elsewhereMentor);
		for (int day = 6; day <= 8; day++) {
			rated(far, LocalDateTime.of(2026, 1, day, 10, 0), "ABSENT", 1);
		}
	}

	@AfterEach
	void realPdf() {
		this.pdf.fail = false;
	}

	long mentorship(TestInstitution institution, String department, String mentorName) {
		return mentorship(institution, department, mentorName, institution.aStudent().inDepartment(department).create(this.jdbc));
	}

	long mentorship(TestInstitution institution, String department, String mentorName, Account s) {
		Account m = institution.aMentor().inDepartment(department).named(mentorName).create(this.jdbc);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
				VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
			.param("i", institution.id()).param("d", institution.department(department)).param("m", m.id())
			.param("e", s.id()).param("c", LocalDateTime.of(2025, 11, 1, 0, 0)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void rated(long mentorship, LocalDateTime at, String attendance, int rating) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, attendance)
				SELECT id, mentor_id, mentee_id, 'Planted', :at, 'COMPLETED', :a FROM mentorships WHERE id = :p""")
			.param("p", mentorship).param("at", at).param("a", attendance).update(keys, "id");
		long session = keys.getKeyAs(Number.class).longValue();
		this.jdbc.sql("""
				INSERT INTO session_feedback (session_id, giver_id, type, rating)
				SELECT id, mentee_id, 'MENTEE_TO_MENTOR', :r FROM mentoring_sessions WHERE id = :s""")
			.param("s", session).param("r", rating).update();
	}

	/** A monthly subscription of the owner (their own scope, or a department), due on 1 February 2026, 06:00 UTC. */
	long subscribe(Account owner, Long department) {
		return subscribe(owner, department, null);
	}

	/** The same, narrowed to a kind of program ({@code program_kind}: its name, or null for every kind). */
	long subscribe(Account owner, Long department, String kind) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report_subscriptions (owner_id, institution_id, department_id, frequency, program_kind,
				next_run_at, created_at) VALUES (:o, :i, :d, 'MONTHLY', :k, :due, :due)""")
			.param("o", owner.id()).param("i", this.college.id()).param("d", department).param("k", kind)
			.param("due", LocalDateTime.of(2026, 2, 1, 6, 0))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	List<MimeMessage> mailsTo(Account who) throws Exception {
		List<MimeMessage> mails = new java.util.ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(who.email())) {
				mails.add(message);
			}
		}
		return mails;
	}

	/** The first part of the mail of this MIME type (at any depth), or null. */
	static BodyPart part(Multipart multipart, String type) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContentType().toLowerCase(Locale.ROOT).startsWith(type)) {
				return part;
			}
			if (part.getContent() instanceof Multipart nested) {
				BodyPart found = part(nested, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static BodyPart pdfPart(MimeMessage mail) throws Exception {
		return part((Multipart) mail.getContent(), "application/pdf");
	}

	static String plainText(MimeMessage mail) throws Exception {
		return part((Multipart) mail.getContent(), "text/plain").getContent().toString();
	}

	static String pdfText(BodyPart part) throws Exception {
		try (PDDocument document = Loader.loadPDF(part.getInputStream().readAllBytes())) {
			assertThat(document.getNumberOfPages()).isPositive();
			return new PDFTextStripper().getText(document).replace("\r", "");
		}
	}

	@Test
	void theCoordinatorsMailCarriesThePdfOfTheirDepartmentOnly() throws Exception {
		long id = subscribe(this.coordinator, this.college.department("CS"));

		this.mailer.sendDue();
		this.mailer.sendDue();

		// Once per due moment, however many runs.
		List<MimeMessage> mails = mailsTo(this.coordinator);
		assertThat(mails).hasSize(1);
		BodyPart part = pdfPart(mails.get(0));
		assertThat(part).as("an application/pdf part").isNotNull();
		assertThat(part.getFileName()).isEqualTo("program-2026-01-01-2026-01-31.pdf");
		String text = pdfText(part);
		// January in CS, worked out from the planted rows: three sessions, one no-show, two of three attended
		// (66.7 %), Ada's three ratings averaging (5 + 4 + 4) / 3 = 4.3.
		assertThat(text).contains("Computer Science", "From 2026-01-01 to 2026-01-31", "No-shows 1",
				"Attendance rate 66.7 %", this.csMentor + " 3 4.3");
		assertThat(text).doesNotContain(this.busMentor, "Business", this.elsewhereMentor, "Faraway");
		assertThat(plainText(mails.get(0))).contains("also attached to this e-mail")
			.doesNotContain("could not be made");
		assertThat(this.jdbc.sql("SELECT last_sent_at FROM report_subscriptions WHERE id = :id").param("id", id)
			.query(LocalDateTime.class).single()).isNotNull();
	}

	@Test
	void theAdministratorsMailCarriesThePdfOfTheirInstitutionAndNoneOfAnother() throws Exception {
		subscribe(this.admin, null);

		this.mailer.sendDue();

		List<MimeMessage> mails = mailsTo(this.admin);
		assertThat(mails).hasSize(1);
		String text = pdfText(pdfPart(mails.get(0)));
		// The institution: six sessions, four no-shows (one CS, three BUS); both mentors' averages.
		assertThat(text).contains("Mailed University", "No-shows 4", this.csMentor + " 3 4.3",
				this.busMentor + " 3 2.0");
		assertThat(text).doesNotContain(this.elsewhereMentor, "Faraway", "Other Place");
	}

	@Test
	void aMailNarrowedToAKindOfProgramCarriesThePdfOfThatKindOnly() throws Exception {
		// A new mother in CS with her own mentor: in January three sessions rated 5, 5 and 5, two of them no-shows (one of three attended: 33.3 %).
		String motherMentor = "Nia Mothermentor " + unique();
		Account mother = this.college.a(org.mentorhub.identity.RoleName.NEW_MOTHER).inDepartment("CS").create(this.jdbc);
		long hers = mentorship(this.college, "CS", motherMentor, mother);
		rated(hers, LocalDateTime.of(2026, 1, 6, 10, 0), "ABSENT", 5);
		rated(hers, LocalDateTime.of(2026, 1, 13, 10, 0), "ABSENT", 5);
		rated(hers, LocalDateTime.of(2026, 1, 20, 10, 0), "PRESENT", 5);
		subscribe(this.coordinator, this.college.department("CS"), "NEW_MOTHER");
		subscribe(this.admin, null, "STUDENT");

		this.mailer.sendDue();
		this.mailer.sendDue();

		// The coordinator's: her three sessions and her mentor only, none of the CS students'.
		List<MimeMessage> mails = mailsTo(this.coordinator);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).contains("Computer Science", "(New-mother support)");
		String mothers = pdfText(pdfPart(mails.get(0)));
		assertThat(mothers).contains("Narrowed to: New-mother support", "No-shows 2", "Attendance rate 33.3 %",
				motherMentor + " 3 5.0");
		assertThat(mothers).doesNotContain(this.csMentor, this.busMentor, this.elsewhereMentor);
		assertThat(plainText(mails.get(0))).contains("Narrowed to: New-mother support", "&kind=new-mother");
		// The administrator's student mentoring: both departments' students (four no-shows), not her.
		mails = mailsTo(this.admin);
		assertThat(mails).hasSize(1);
		String students = pdfText(pdfPart(mails.get(0)));
		assertThat(students).contains("Narrowed to: Student mentoring", "No-shows 4", this.csMentor + " 3 4.3",
				this.busMentor + " 3 2.0");
		assertThat(students).doesNotContain(motherMentor, this.elsewhereMentor);
	}

	@Test
	void aPdfThatCannotBeMadeLeavesTheMailWithoutItAndSaysSoOnce() throws Exception {
		long id = subscribe(this.coordinator, this.college.department("CS"));
		this.pdf.fail = true;

		this.mailer.sendDue();
		this.mailer.sendDue();

		List<MimeMessage> mails = mailsTo(this.coordinator);
		assertThat(mails).hasSize(1);
		assertThat(pdfPart(mails.get(0))).isNull();
		assertThat(plainText(mails.get(0)))
			.contains("The PDF of the dashboard could not be made this time", "/reports/program.pdf?from=2026-01-01")
			.doesNotContain("also attached to this e-mail");
		// The due moment is over: the next run does not send it again.
		assertThat(this.jdbc.sql("SELECT next_run_at FROM report_subscriptions WHERE id = :id").param("id", id)
			.query(LocalDateTime.class).single()).isAfter(LocalDateTime.of(2026, 2, 1, 6, 0));
	}

}
