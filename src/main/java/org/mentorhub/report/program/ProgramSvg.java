package org.mentorhub.report.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.mentorhub.report.program.ProgramCharts.Chart;
import org.mentorhub.report.program.ProgramCharts.Dataset;

/**
 * The charts of the PDF, drawn on the server as horizontal bar charts (Chart.js does not run in a
 * PDF): from the same {@link ProgramCharts} data as the page's charts, laid out here as rectangles and
 * texts that the template {@code report/program-pdf.html} writes as inline SVG (so Thymeleaf escapes
 * every label). A stacked chart (sessions per week by status) has one row per label with a segment per
 * dataset; any other one row per label and dataset.
 */
public final class ProgramSvg {

	static final int WIDTH = 500;

	static final int LABEL_WIDTH = 150;

	static final int VALUE_WIDTH = 40;

	static final int ROW = 12;

	static final int GAP = 6;

	static final int LEGEND = 18;

	static final List<String> COLOURS = List.of("#2b6cb0", "#dd6b20", "#2f855a", "#6b46c1", "#c53030", "#718096");

	private ProgramSvg() {
	}

	/** A bar (or a segment of a stacked bar). */
	public record Bar(double x, double y, double width, double height, String colour) {
	}

	/** A text: a row's label (anchored at its end) or a bar's value. */
	public record Text(double x, double y, String text, String anchor) {
	}

	/** One dataset's colour and name, above a chart with more than one. */
	public record Key(double x, String colour, String label) {
	}

	/** One chart: its size, bars, texts and legend. */
	public record Svg(int width, int height, List<Bar> bars, List<Text> texts, List<Key> legend) {

		/** Whether there is nothing to draw (every value 0). */
		public boolean empty() {
			return this.bars.isEmpty();
		}

	}

	/** The SVG of every chart of the page, by the id of its canvas there. */
	static Map<String, Svg> of(Map<String, Chart> charts, UnaryOperator<String> datasetLabel) {
		Map<String, Svg> svgs = new LinkedHashMap<>();
		charts.forEach((id, chart) -> svgs.put(id, draw(chart, datasetLabel)));
		return svgs;
	}

	static Svg draw(Chart chart, UnaryOperator<String> datasetLabel) {
		List<Dataset> datasets = chart.datasets();
		boolean legend = datasets.size() > 1;
		double top = legend ? LEGEND : 0;
		double max = 0;
		for (int i = 0; i < chart.labels().size(); i++) {
			double sum = 0;
			for (Dataset d : datasets) {
				double v = value(d, i);
				sum += v;
				max = Math.max(max, v);
			}
			if (chart.stacked()) {
				max = Math.max(max, sum);
			}
		}
		double span = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8;
		double scale = max <= 0 ? 0 : span / max;
		List<Bar> bars = new ArrayList<>();
		List<Text> texts = new ArrayList<>();
		double y = top;
		for (int i = 0; i < chart.labels().size(); i++) {
			int rows = chart.stacked() ? 1 : Math.max(1, datasets.size());
			texts.add(new Text(LABEL_WIDTH - 4, y + rows * ROW / 2.0 + 4, shorten(chart.labels().get(i)), "end"));
			double x = LABEL_WIDTH;
			double total = 0;
			for (int d = 0; d < datasets.size(); d++) {
				double v = value(datasets.get(d), i);
				String colour = colour(chart, d);
				if (chart.stacked()) {
					if (v > 0) {
						bars.add(new Bar(x, y, v * scale, ROW, colour));
					}
					x += v * scale;
					total += v;
				}
				else {
					double rowY = y + d * ROW;
					if (v > 0) {
						bars.add(new Bar(LABEL_WIDTH, rowY, Math.max(1, v * scale), ROW - 1, colour));
					}
					texts.add(new Text(LABEL_WIDTH + v * scale + 3, rowY + ROW - 3, number(v), "start"));
				}
			}
			if (chart.stacked()) {
				texts.add(new Text(x + 3, y + ROW - 3, number(total), "start"));
			}
			y += rows * ROW + GAP;
		}
		List<Key> keys = new ArrayList<>();
		if (legend) {
			double x = LABEL_WIDTH;
			for (int d = 0; d < datasets.size(); d++) {
				String label = datasetLabel.apply(datasets.get(d).label());
				keys.add(new Key(x, colour(chart, d), label));
				x += 16 + Math.min(label.length(), 24) * 6.5;
			}
		}
		return new Svg(WIDTH, (int) Math.ceil(Math.max(y, top + ROW)), bars, texts, keys);
	}

	private static String colour(Chart chart, int dataset) {
		return chart.colours() != null && dataset < chart.colours().size() ? chart.colours().get(dataset)
				: COLOURS.get(dataset % COLOURS.size());
	}

	private static double value(Dataset dataset, int index) {
		Number n = index < dataset.data().size() ? dataset.data().get(index) : null;
		return n == null ? 0 : n.doubleValue();
	}

	static String number(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
	}

	private static String shorten(String label) {
		return label == null ? "" : label.length() > 26 ? label.substring(0, 24) + "..." : label;
	}

}
