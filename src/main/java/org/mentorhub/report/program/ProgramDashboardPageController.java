package org.mentorhub.report.program;

import java.util.List;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.Tenancy.Scope;
import org.mentorhub.report.program.ProgramDashboards.Period;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The program dashboard page {@code /reports/program} (administrators and coordinators): the filter
 * form (period, department) works without JavaScript; each figure is a chart drawn by
 * {@code js/program-charts.js} from JSON in data attributes (the content security policy forbids inline
 * scripts) and a table beside it for screen readers and for people without JavaScript. Exports of the
 * dashboard and of its sessions as CSV or XLSX, audited and rate-limited together with the API's.
 */
@Controller
@RequestMapping("/reports/program")
class ProgramDashboardPageController {

	private final ProgramDashboards dashboards;

	private final ProgramExports exports;

	private final JsonMapper json;

	private final ReportSubscriptions subscriptions;

	ProgramDashboardPageController(ProgramDashboards dashboards, ProgramExports exports, JsonMapper json,
			ReportSubscriptions subscriptions) {
		this.dashboards = dashboards;
		this.exports = exports;
		this.json = json;
		this.subscriptions = subscriptions;
	}

	/** A subscription as asked for on the page: the dashboard's department and kind of program, and how often. */
	record SubscriptionForm(Long department, String frequency, String kind) {
	}

	/** The filter as typed, echoed back into the form. */
	record ProgramFilterForm(String from, String to, Long department, String kind) {
	}

	@GetMapping
	ModelAndView dashboard(ProgramFilterForm form, Model model) {
		Scope scope = this.dashboards.scope(form.department());
		model.addAttribute("filter", form);
		model.addAttribute("departments", this.dashboards.departmentChoices(this.dashboards.scope(null)));
		model.addAttribute("coordinator", this.dashboards.scope(null).departmentId() != null);
		model.addAttribute("subscriptions", this.subscriptions.mine());
		model.addAttribute("frequencies", ReportSubscriptions.Frequency.values());
		model.addAttribute("kinds", java.util.Arrays.stream(ProgramKind.values()).map(k -> k.code).toList());
		Period period;
		try {
			period = this.dashboards.period(form.from(), form.to());
			ProgramDashboards.kindCode(form.kind());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.problems());
			return new ModelAndView("report/program", model.asMap(), HttpStatus.BAD_REQUEST);
		}
		ProgramReport report = this.dashboards.report(scope, period, form.kind());
		model.addAttribute("report", report);
		model.addAttribute("keptMinutes", this.dashboards.keptFor().toMinutes());
		model.addAttribute("mentorRatings", ProgramCharts.shownMentors(report));
		model.addAttribute("moreMentors", ProgramCharts.moreMentors(report));
		model.addAttribute("problems", List.of());
		model.addAttribute("charts", this.json.writeValueAsString(ProgramCharts.of(report)));
		model.addAttribute("query", query(report));
		model.addAttribute("kindQuery", kindQuery(report));
		return new ModelAndView("report/program", model.asMap(), HttpStatus.OK);
	}

	/** The filter of the sessions list behind a figure: the dashboard's, a status or an attendance, and a page. */
	record ProgramSessionsForm(String from, String to, Long department, String status, String attendance,
			String kind, Integer page) {
	}

	/**
	 * The sessions behind a figure (sessions by status, no-shows) with the dashboard's filters and scope, and
	 * links to export exactly this list as XLSX or CSV.
	 */
	@GetMapping("/sessions")
	ModelAndView sessions(ProgramSessionsForm form, Model model) {
		ProgramExports.SessionList list;
		try {
			list = this.exports.sessionList(form.department(), form.from(), form.to(), form.status(), form.attendance(),
					form.kind(), form.page() == null ? 0 : form.page());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.problems());
			return new ModelAndView("report/program-sessions", model.asMap(), HttpStatus.BAD_REQUEST);
		}
		model.addAttribute("problems", List.of());
		model.addAttribute("list", list);
		String query = "from=" + list.period().from() + "&to=" + list.period().to()
				+ (form.department() == null ? "" : "&department=" + list.filter().scope().departmentId())
				+ (list.filter().status() == null ? "" : "&status=" + list.filter().status().name())
				+ (list.filter().attendance() == null ? "" : "&attendance=" + list.filter().attendance().name());
		String kind = ProgramDashboards.kindCode(form.kind());
		String kindQuery = kind == null ? "" : "&kind=" + kind;
		model.addAttribute("query", query + kindQuery);
		model.addAttribute("dashboardQuery", "from=" + list.period().from() + "&to=" + list.period().to()
				+ (form.department() == null ? "" : "&department=" + list.filter().scope().departmentId()) + kindQuery);
		return new ModelAndView("report/program-sessions", model.asMap(), HttpStatus.OK);
	}

	/** The filter of the pairs behind the health figure: the dashboard's, a health and a page. */
	record ProgramHealthForm(String from, String to, Long department, String health, String kind, Integer page) {
	}

	/** The active mentorships behind the health figure, with the dashboard's department and kind, in its scope. */
	@GetMapping("/health")
	ModelAndView health(ProgramHealthForm form, Model model) {
		ProgramDashboards.HealthList list;
		Period period;
		try {
			list = this.dashboards.healthList(form.department(), form.health(), form.kind(),
					form.page() == null ? 0 : form.page(), ProgramDashboards.HEALTH_PAGE_SIZE);
			period = this.dashboards.period(form.from(), form.to());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.problems());
			return new ModelAndView("report/program-health", model.asMap(), HttpStatus.BAD_REQUEST);
		}
		model.addAttribute("problems", List.of());
		model.addAttribute("list", list);
		String dashboardQuery = "from=" + period.from() + "&to=" + period.to()
				+ (form.department() == null ? "" : "&department=" + list.scope().departmentId())
				+ (list.kind() == null ? "" : "&kind=" + list.kind());
		model.addAttribute("dashboardQuery", dashboardQuery);
		model.addAttribute("query", dashboardQuery + (list.health() == null ? "" : "&health=" + list.health().name()));
		long pages = (list.pairs().total() + list.pairs().size() - 1) / list.pairs().size();
		model.addAttribute("pages", pages);
		return new ModelAndView("report/program-health", model.asMap(), HttpStatus.OK);
	}

	@GetMapping("/export")
	@RateLimited(name = "report-export", capacity = 10, per = "PT10M")
	ResponseEntity<StreamingResponseBody> export(ProgramFilterForm form, @RequestParam(required = false) String format) {
		return this.exports.dashboard(form.department(), form.from(), form.to(), form.kind(),
				ProgramExports.format(format));
	}

	@GetMapping("/sessions/export")
	@RateLimited(name = "report-export", capacity = 10, per = "PT10M")
	ResponseEntity<StreamingResponseBody> exportSessions(ProgramFilterForm form,
			@RequestParam(required = false) String status, @RequestParam(required = false) String attendance,
			@RequestParam(required = false) String format) {
		return this.exports.sessions(form.department(), form.from(), form.to(), status, attendance, form.kind(),
				ProgramExports.format(format));
	}

	@PostMapping("/subscriptions")
	String subscribe(SubscriptionForm form, RedirectAttributes flash) {
		ReportSubscriptions.Subscription created = this.subscriptions
			.subscribe(new ReportSubscriptions.SubscriptionRequest(form.department(), form.frequency(), form.kind()));
		flash.addFlashAttribute("subscribed", created.nextRunAt().toString().substring(0, 10));
		// Back to the dashboard as it was: its department and kind of program.
		String filter = (form.department() == null ? "" : "&department=" + form.department())
				+ (created.kind() == null ? "" : "&kind=" + created.kind());
		return "redirect:/reports/program" + (filter.isEmpty() ? "" : "?" + filter.substring(1)) + "#subscriptions";
	}

	@PostMapping("/subscriptions/{id}/delete")
	String unsubscribe(@PathVariable long id, RedirectAttributes flash) {
		this.subscriptions.unsubscribe(id);
		flash.addFlashAttribute("unsubscribed", true);
		return "redirect:/reports/program#subscriptions";
	}

	/** The query string of the report's filters, for the export links. */
	static String query(ProgramReport report) {
		return "from=" + report.from() + "&to=" + report.to()
				+ (report.departmentId() == null ? "" : "&department=" + report.departmentId());
	}

	/** The report's kind of program as a further query parameter ({@code &kind=...}); empty for every kind. */
	static String kindQuery(ProgramReport report) {
		return report.programKind() == null ? "" : "&kind=" + report.programKind();
	}


}
