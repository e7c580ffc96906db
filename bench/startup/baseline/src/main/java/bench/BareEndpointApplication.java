package bench;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The framework's own ceiling. {@code GET /} returns a constant (the start-up baseline of bench/startup);
 * on the bench database (bench/web), {@code GET /db} reads one user row by primary key with JDBC and
 * returns it as JSON, and {@code GET /page} renders twelve sessions of one mentor in a Thymeleaf page with
 * a link per row. Without a configured database Boot starts an empty in-memory H2, so {@code /} and the
 * start-up measurement need nothing.
 */
@SpringBootApplication
@Controller
public class BareEndpointApplication {

	private final JdbcClient jdbc;

	public BareEndpointApplication(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static void main(String[] args) {
		SpringApplication.run(BareEndpointApplication.class, args);
	}

	@GetMapping("/")
	@ResponseBody
	String constant() {
		return "ok";
	}

	record User(long id, String username, String email, String fullName, String status, String timeZone) {
	}

	/** One row by primary key: one of the first thousand users. */
	@GetMapping("/db")
	@ResponseBody
	User db() {
		return this.jdbc.sql("SELECT id, username, email, full_name, status, time_zone FROM users WHERE id = "
				+ "(SELECT MIN(id) FROM users) + :offset")
			.param("offset", ThreadLocalRandom.current().nextInt(1000))
			.query(User.class)
			.optional()
			.orElseGet(() -> new User(0, "", "", "", "", ""));
	}

	record Session(long id, String title, LocalDateTime scheduledAt, String status, String mode) {
	}

	/** Twelve rows: the newest sessions of one of the first hundred mentors, in a small Thymeleaf page. */
	@GetMapping("/page")
	String page(Model model) {
		List<Session> sessions = this.jdbc.sql("SELECT id, title, scheduled_at, status, mode FROM mentoring_sessions "
				+ "WHERE mentor_id = (SELECT MIN(mentor_id) FROM mentorships) + :offset ORDER BY scheduled_at DESC LIMIT 12")
			.param("offset", ThreadLocalRandom.current().nextInt(100))
			.query(Session.class)
			.list();
		model.addAttribute("sessions", sessions);
		return "page";
	}

}
