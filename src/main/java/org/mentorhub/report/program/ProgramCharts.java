package org.mentorhub.report.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mentorhub.report.program.ProgramReport.ProgramCount;
import org.mentorhub.report.program.ProgramReport.ProgramWeek;

/**
 * The chart data of a {@link ProgramReport}, keyed by the id of each figure's canvas: labels and
 * datasets as Chart.js takes them. The labels are the same words as the tables beside the charts.
 */
final class ProgramCharts {

	private ProgramCharts() {
	}

	record Dataset(String label, List<? extends Number> data) {
	}

	/** A chart; {@code colours}, when set, one per dataset (health: green, amber, red), else the palette's. */
	record Chart(String type, boolean stacked, List<String> labels, List<Dataset> datasets, List<String> colours) {

		Chart(String type, boolean stacked, List<String> labels, List<Dataset> datasets) {
			this(type, stacked, labels, datasets, null);
		}

	}

	/** The colours of healthy, at risk and stalled. */
	static final List<String> HEALTH_COLOURS = List.of("#15803d", "#d97706", "#b91c1c");

	static Map<String, Chart> of(ProgramReport r) {
		Map<String, Chart> charts = new LinkedHashMap<>();
		charts.put("chart-roles", counts("bar", r.participation().peopleByRole()));
		charts.put("chart-mentorship-status", counts("bar", r.mentorships().byStatus()));
		charts.put("chart-health", counts("bar", r.mentorships().health()));
		Map<String, String> healthLabels = new LinkedHashMap<>();
		r.mentorships().health().forEach(c -> healthLabels.put(c.code(), c.label()));
		List<ProgramReport.ProgramHealthWeek> healthWeeks = r.mentorships().healthPerWeek();
		charts.put("chart-health-weeks", new Chart("bar", true,
				healthWeeks.stream().map(ProgramReport.ProgramHealthWeek::weekStart).map(Object::toString).toList(),
				List.of(new Dataset(healthLabels.getOrDefault("HEALTHY", "HEALTHY"),
						healthWeeks.stream().map(ProgramReport.ProgramHealthWeek::healthy).toList()),
						new Dataset(healthLabels.getOrDefault("AT_RISK", "AT_RISK"),
								healthWeeks.stream().map(ProgramReport.ProgramHealthWeek::atRisk).toList()),
						new Dataset(healthLabels.getOrDefault("STALLED", "STALLED"),
								healthWeeks.stream().map(ProgramReport.ProgramHealthWeek::stalled).toList())),
				HEALTH_COLOURS));
		charts.put("chart-months", new Chart("bar", false,
				r.mentorships().perMonth().stream().map(ProgramReport.ProgramMonth::month).toList(),
				List.of(new Dataset("started", r.mentorships().perMonth().stream().map(ProgramReport.ProgramMonth::started).toList()),
						new Dataset("ended", r.mentorships().perMonth().stream().map(ProgramReport.ProgramMonth::ended).toList()))));
		Set<String> statuses = new LinkedHashSet<>();
		r.sessions().byStatus().forEach(c -> statuses.add(c.code()));
		Map<String, String> statusLabels = new LinkedHashMap<>();
		r.sessions().byStatus().forEach(c -> statusLabels.put(c.code(), c.label()));
		List<Dataset> weekly = new ArrayList<>();
		for (String status : statuses) {
			weekly.add(new Dataset(statusLabels.get(status),
					r.sessions().perWeek().stream().map(w -> w.byStatus().getOrDefault(status, 0L)).toList()));
		}
		charts.put("chart-weeks", new Chart("bar", true,
				r.sessions().perWeek().stream().map(ProgramWeek::weekStart).map(Object::toString).toList(), weekly));
		charts.put("chart-session-mode", counts("bar", r.sessions().byMode()));
		charts.put("chart-goals", new Chart("bar", false,
				r.outcomes().goalsByStatus().stream().map(ProgramReport.ProgramGoalStatus::label).toList(),
				List.of(new Dataset("goals", r.outcomes().goalsByStatus().stream().map(ProgramReport.ProgramGoalStatus::goals).toList()))));
		List<ProgramReport.ProgramRating> mentors = shownMentors(r);
		charts.put("chart-ratings", new Chart("bar", false,
				mentors.stream().map(ProgramReport.ProgramRating::label).toList(),
				List.of(new Dataset("average", mentors.stream().map(ProgramReport.ProgramRating::average).toList()))));
		charts.put("chart-comparison", new Chart("bar", false,
				r.comparison().stream().map(ProgramReport.ProgramChange::label).toList(),
				List.of(new Dataset("previous", r.comparison().stream().map(ProgramReport.ProgramChange::previous).toList()),
						new Dataset("current", r.comparison().stream().map(ProgramReport.ProgramChange::current).toList()))));
		return charts;
	}

	private static Chart counts(String type, List<ProgramCount> counts) {
		return new Chart(type, false, counts.stream().map(ProgramCount::label).toList(),
				List.of(new Dataset("count", counts.stream().map(ProgramCount::count).toList())));
	}

	/**
	 * How many mentors' ratings the page's and the PDF's chart and table show: those with the most answers
	 * (the order of the figure). An institution has thousands of mentors; every one of them is in the JSON
	 * and in the CSV/XLSX export.
	 */
	static final int SHOWN_MENTORS = 20;

	/** The mentors' ratings the page and the PDF show. */
	static List<ProgramReport.ProgramRating> shownMentors(ProgramReport r) {
		List<ProgramReport.ProgramRating> all = r.outcomes().ratingsByMentor();
		return all.size() <= SHOWN_MENTORS ? all : all.subList(0, SHOWN_MENTORS);
	}

	/** How many mentors' ratings are left out of the page and the PDF (in the exports). */
	static int moreMentors(ProgramReport r) {
		return Math.max(0, r.outcomes().ratingsByMentor().size() - SHOWN_MENTORS);
	}

}
